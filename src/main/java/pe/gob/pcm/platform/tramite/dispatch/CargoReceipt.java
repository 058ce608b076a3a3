package pe.gob.pcm.platform.tramite.dispatch;

import pe.gob.pcm.platform.calendar.PeruTime;
import pe.gob.pcm.platform.mgd.ContractDates;
import pe.gob.pcm.platform.mgd.MgdCargo;

import static pe.gob.pcm.platform.tramite.dispatch.DispatchProcess.*;

import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.signature.PdfSignatureVerifier;
import pe.gob.pcm.platform.signature.SignatureVerification;

/**
 * A cargo arriving for a document this platform sent: updates the outgoing record (R/O,
 * registration data, the cargo PDF and the result of verifying its signature) and wakes the
 * waiting dispatch process, in one transaction.
 */
@Service
public class CargoReceipt {

  public static final String UNKNOWN = "NO SE PUDO REGISTRAR EL CARGO";
  public static final String REPEATED = MgdCargo.REPEATED;

  private final DispatchMapper mapper;
  private final DocumentStore documents;
  private final PdfSignatureVerifier verifier;
  private final RuntimeService runtime;
  private final ContractDates dates;

  public CargoReceipt(DispatchMapper mapper, DocumentStore documents, PdfSignatureVerifier verifier,
      RuntimeService runtime, ContractDates dates) {
    this.mapper = mapper;
    this.documents = documents;
    this.verifier = verifier;
    this.runtime = runtime;
    this.dates = dates;
  }

  /** Null when registered, otherwise the refusal sent back ({@code -1}). */
  @Transactional
  public String register(MgdCargo cargo) {
    DispatchMapper.Dispatch dispatch = cargo.cuo() == null ? null : mapper.findByCuo(cargo.cuo().strip());
    if (dispatch == null) {
      return UNKNOWN;
    }
    if (!"E".equals(dispatch.state())) {
      return "P".equals(dispatch.state()) ? UNKNOWN : REPEATED;
    }
    if (!"R".equals(cargo.state()) && !"O".equals(cargo.state())) {
      return UNKNOWN + ": cflgest debe ser R u O";
    }
    if ("O".equals(cargo.state()) && (cargo.observation() == null || cargo.observation().isBlank())) {
      return UNKNOWN + ": vobs es obligatoria en un cargo observado";
    }
    // the receiver's registration date, read in Lima time (MgdWire): same tolerance as dfecdoc
    String future = dates.futureProblem(PeruTime.offset(cargo.registeredAt()));
    if (future != null) {
      return UNKNOWN + ": dfecregstd (fecha de registro) " + future;
    }
    SignatureVerification signature = verifier.verify(cargo.pdf());
    if (signature.status() == pe.gob.pcm.platform.signature.SignatureStatus.NOT_A_PDF) {
      return UNKNOWN + ": bcarstd no es un PDF";
    }
    String cargoDocument = documents.storePdf("wsiotramite", dispatch.senderRuc(),
        "cargo-" + dispatch.cuo() + ".pdf", cargo.pdf()).id();
    documents.attach(cargoDocument, dispatch.processInstanceId());
    documents.recordSignature(cargoDocument, signature);
    if (mapper.registerCargo(dispatch.id(), cargo.state(), cargo.registrationNumber(),
        cargo.registrationYear(), cargo.registeredAt(), cargo.unit(), cargo.user(),
        cargo.observation(), cargoDocument, signature.status().name()) == 0) {
      return REPEATED;
    }
    runtime.createMessageCorrelation(CARGO_MESSAGE)
        .processInstanceId(dispatch.processInstanceId())
        .setVariables(Map.of(CARGO_STATE, cargo.state(),
            CARGO_OBSERVATION, cargo.observation() == null ? "" : cargo.observation(),
            "cargoDocumentId", cargoDocument,
            "cargoSignature", signature.message()))
        .correlate();
    return null;
  }
}
