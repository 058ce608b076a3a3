package pe.gob.pcm.platform.notification;

import org.camunda.bpm.engine.identity.User;

/** A person a message goes to: a Camunda user with an e-mail address. */
record Recipient(String userId, String name, String email) {

  static Recipient of(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return new Recipient(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
  }

  static boolean reachable(User user) {
    return user != null && user.getEmail() != null && !user.getEmail().isBlank();
  }
}
