package pe.gob.pcm.platform.tramite.reception;

import java.time.LocalDateTime;

/** A received document's state as the receiver registered it (the reception record). */
public record ReceptionStatus(long id, String receiverRuc, String senderRuc, String cuo, String cuoReference,
      String state, String registrationNumber, String registrationYear, LocalDateTime registeredAt,
      String registrationUnit, String registeredBy, String observation, String processInstanceId,
      String cargoDocumentId) {}
