package org.duban.assessment;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.duban.catalog.Plan;

/**
 * One of {@code count} slices of the plans, so that the plans of a province or of the whole country
 * are evaluated in parallel: by threads of one instance, and by the instances of a cluster (one Quartz
 * trigger per partition). A plan belongs to a slice by a stable hash of its <em>region</em> code, so a
 * region's plans (this year's and next year's) always land together, and every instance, on every day,
 * puts a plan in the same slice without asking anyone.
 *
 * @param index which slice, from 0
 * @param count how many slices there are, at least 1
 */
public record Partition(int index, int count) {

    /** Every plan: one slice. */
    public static final Partition ALL = new Partition(0, 1);

    public Partition {
        if (count < 1) {
            throw new IllegalArgumentException("分区数必须至少为 1，实为 " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("分区序号必须在 0 至 " + (count - 1) + " 之间，实为 " + index);
        }
    }

    public boolean includes(Plan plan) {
        return includesRegion(plan.regionCode());
    }

    /** CRC32 rather than {@link String#hashCode}: fixed by its specification, not by a JVM's choice. */
    public boolean includesRegion(String regionCode) {
        CRC32 crc = new CRC32();
        crc.update(regionCode.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue(), (long) count) == index;
    }

    @Override
    public String toString() {
        return "分区 " + (index + 1) + "/" + count;
    }
}
