package pe.gob.pcm.platform.mpv;

/**
 * One check of the interoperability conformance suite: what it verifies (Spanish, for the
 * report), whether it passed and why not, what was sent, what came back and how long it took.
 */
public record ConformanceCheck(String id, String description, boolean passed, String reason,
    String sent, String received, long millis) {}
