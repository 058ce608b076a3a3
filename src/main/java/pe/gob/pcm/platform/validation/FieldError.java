package pe.gob.pcm.platform.validation;

/** One refused field: its wire/variable name, the label users see, and the reason. */
public record FieldError(String field, String label, String reason) {

  public String message() {
    return label + ": " + reason + ".";
  }
}
