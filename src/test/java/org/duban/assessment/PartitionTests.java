package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.duban.catalog.Plan;
import org.junit.jupiter.api.Test;

/** Plans are cut into partitions by their region: stable, complete, and a region's plans together. */
class PartitionTests {

    private static final List<String> REGIONS = IntStream.range(0, 3000).mapToObj(i -> "county" + i).toList();

    @Test
    void everyRegionFallsInExactlyOnePartition() {
        for (int count : List.of(1, 2, 3, 4, 7, 16)) {
            for (String region : REGIONS.subList(0, 200)) {
                assertThat(IntStream.range(0, count).filter(i -> new Partition(i, count).includesRegion(region)).count())
                        .as("%s in %d partitions", region, count).isEqualTo(1);
            }
        }
    }

    @Test
    void theHashIsFixedSoEveryInstanceAgreesOnEveryDay() {
        // CRC32 of the UTF-8 code, modulo the count: the values any JVM (and a script) computes
        assertThat(new Partition(2, 3).includesRegion("zhoucun")).isTrue();
        assertThat(new Partition(1, 3).includesRegion("zhangdian")).isTrue();
        assertThat(new Partition(0, 3).includesRegion("boshan")).isTrue();
        assertThat(new Partition(3, 4).includesRegion("zhoucun")).isTrue();
    }

    @Test
    void aRegionsPlansLandTogether() {
        Partition partition = new Partition(2, 3);
        assertThat(partition.includes(plan("zhoucun-2023", "zhoucun"))).isTrue();
        assertThat(partition.includes(plan("zhoucun-2024", "zhoucun"))).isTrue();
        assertThat(partition.includes(plan("zhangdian-2023", "zhangdian"))).isFalse();
    }

    @Test
    void thousandsOfCountiesSpreadEvenlyEnough() {
        int count = 8;
        for (int i = 0; i < count; i++) {
            Partition partition = new Partition(i, count);
            long share = REGIONS.stream().filter(partition::includesRegion).count();
            assertThat(share).as("regions in %s", partition).isBetween(3000L / count * 8 / 10, 3000L / count * 12 / 10);
        }
    }

    @Test
    void allIsOnePartitionHoldingEverything() {
        assertThat(REGIONS).allMatch(Partition.ALL::includesRegion);
    }

    @Test
    void aPartitionOutsideItsCountIsRefusedInChinese() {
        assertThatThrownBy(() -> new Partition(4, 4)).hasMessageContaining("分区序号必须在 0 至 3 之间");
        assertThatThrownBy(() -> new Partition(0, 0)).hasMessageContaining("分区数必须至少为 1");
        assertThatThrownBy(() -> new EvaluationSettings(java.time.Duration.ofSeconds(1), 0, true))
                .hasMessageContaining("duban.evaluation.partitions 必须在 1 至 1000 之间");
    }

    private static Plan plan(String code, String region) {
        return new Plan(code, code, 2023, region, region, "", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 3, 31),
                "tasks", "", null);
    }
}
