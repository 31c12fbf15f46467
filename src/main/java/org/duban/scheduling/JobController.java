package org.duban.scheduling;

import java.util.List;
import java.util.Map;

import org.duban.NotFound;
import org.duban.access.Accounts;
import org.quartz.SchedulerException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scheduled jobs: cron, next fire time, last runs; and running one now. */
@RestController
@RequestMapping("/api/jobs")
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    List<Jobs.JobView> list() throws SchedulerException {
        return jobs.list();
    }

    @PostMapping("/{name}/run")
    ResponseEntity<Map<String, String>> run(@PathVariable String name) throws SchedulerException {
        if (!jobs.runNow(name)) {
            throw new NotFound("没有名为 " + name + " 的定时任务");
        }
        return ResponseEntity.accepted().body(Map.of("job", name, "status", "已提交运行"));
    }
}
