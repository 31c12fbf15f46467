// Draws every <div class="chart" data-chart="{…}">: reported values, the target and the expected progress (序时进度).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var d = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    var series = [{name: '实报值', type: 'line', data: d.actual, connectNulls: true, symbolSize: 8, itemStyle: {color: '#8b1a1a'}}];
    if (d.expected.some(function (v) { return v !== null; })) {
      series.push({name: '序时进度', type: 'line', data: d.expected, lineStyle: {type: 'dashed'}, itemStyle: {color: '#2f7ed8'}});
    }
    if (d.target !== null) {
      series.push({name: '目标', type: 'line', data: d.months.map(function () { return d.target; }), symbol: 'none',
                   lineStyle: {type: 'dotted'}, itemStyle: {color: '#3aa757'}});
    }
    chart.setOption({
      animation: false,
      title: {text: d.title, textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + ' ' + d.unit; }},
      legend: {top: 22},
      grid: {left: 50, right: 20, top: 60, bottom: 30},
      xAxis: {type: 'category', data: d.months},
      yAxis: {type: 'value', name: d.unit},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
