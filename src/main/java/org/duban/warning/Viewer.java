package org.duban.warning;

import java.util.Optional;

/** Who is looking: a department account sees only warnings on tasks its department leads or joins. */
public record Viewer(String username, Optional<String> departmentCode) {
}
