package pe.gob.pcm.platform.history;

import java.util.Set;

/**
 * Variables a process starts with that only copy a record the feature keeps in its own tables.
 * Their creation is not written to history (the record is the register); a later change of one
 * of them is, as with "full". A feature contributes one bean per such process.
 */
public interface RecordCopies {

  /** The process definition key whose instances start with the copies. */
  String processKey();

  /** The names of the copied variables. */
  Set<String> variables();
}
