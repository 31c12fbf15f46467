package org.duban.catalog;

/**
 * One thing wrong in a plan or rule file, with its place, worded for the person who edits it:
 * {@code config/plans/zhoucun-2023.yaml 第 212 行 (sections[1].tasks[0].lead): 未知部门 "区科技厅"}.
 *
 * @param file  path as the user sees it, relative to the working directory
 * @param line  1-based line, or 0 when the problem concerns the whole file
 * @param field the field's path in the file, or empty
 */
public record CatalogProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        String place = line > 0 ? file + " 第 " + line + " 行" : file;
        return field.isEmpty() ? place + ": " + message : place + " (" + field + "): " + message;
    }
}
