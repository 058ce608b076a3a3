package pe.gob.pcm.platform.mgd;

import java.time.LocalDateTime;

/**
 * The cargo of a document (the receiver's acknowledgement), in the platform's own words: who
 * sends it ({@code senderRuc}, the receiver of the document) to whom ({@code receiverRuc}, its
 * sender), the registration made by the receiver, the signed cargo PDF and the state (R or O).
 */
public record MgdCargo(
    String senderRuc,
    String receiverRuc,
    String cuo,
    String cuoReference,
    String registrationNumber,
    String registrationYear,
    LocalDateTime registeredAt,
    String unit,
    String user,
    byte[] pdf,
    String observation,
    String state) {

  /** The contract's answer to a cargo already registered: a retry after a lost answer. */
  public static final String REPEATED = "EL CARGO YA SE ENCUENTRA REGISTRADO";
}
