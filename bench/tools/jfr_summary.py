#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 200 rec.jfr` output.

usage: jfr print --events jdk.ExecutionSample --stack-depth 200 platform.jfr > samples.txt
       bench/tools/jfr_summary.py samples.txt [thread-prefix] [from-HH:MM:SS]

Prints, for the samples of threads whose name starts with the prefix (default http-nio, the
request threads): the hottest top frames (self time), and the share of samples whose stack
passes through each of a few marker methods (inclusive time).
"""
import re
import sys
from collections import Counter

MARKERS = [
    ("SOAP: CXF in + JAXB unmarshal (incl. Base64)", r"org\.apache\.cxf\.interceptor\.DocLiteralInInterceptor|org\.apache\.cxf\.databinding\.|JAXBDataBase|jakarta\.xml\.bind|org\.glassfish\.jaxb"),
    ("SOAP: CXF out (answer)", r"org\.apache\.cxf\.interceptor\.(BareOutInterceptor|WrappedOutInterceptor|MessageSenderInterceptor)|org\.apache\.cxf\.jaxb\.io\.DataWriterImpl"),
    ("MgdValidation (all checks)", r"tramite\.MgdValidation\.check"),
    ("  PDF parse (PDFBox Loader)", r"org\.apache\.pdfbox\.Loader\.loadPDF"),
    ("ReceptionService.refusal", r"ReceptionService\.refusal"),
    ("ReceptionService.alreadyReceived", r"ReceptionService\.alreadyReceived"),
    ("ReceptionService.receive (the transaction)", r"ReceptionService\.receive"),
    ("  DocumentStore.storePdf", r"DocumentStore\.storePdf"),
    ("    SHA-256", r"DocumentStore\.sha256"),
    ("  Camunda startProcessInstance", r"RuntimeServiceImpl\.startProcessInstanceByKey|ProcessInstantiationBuilderImpl\.execute"),
    ("  Camunda flush (SQL of the engine)", r"DbSqlSession\.flush|DbEntityManager\.flush"),
    ("  history events", r"org\.camunda\.bpm\.engine\.impl\.history"),
    ("  commit", r"DataSourceTransactionManager\.doCommit|AbstractPlatformTransactionManager\.commit"),
    ("MyBatis (all)", r"org\.apache\.ibatis"),
    ("JDBC driver H2", r"^org\.h2\."),
    ("JDBC driver PostgreSQL", r"^org\.postgresql\."),
    ("logging", r"ch\.qos\.logback|org\.apache\.logging|org\.slf4j"),
    ("reading the request body (socket)", r"NioEndpoint\$NioSocketWrapper\.(read|fillReadBuffer)"),
]


def parse(path):
    sample = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("jdk.ExecutionSample"):
                sample = {"frames": []}
            elif line.startswith("startTime ="):
                sample["time"] = line.split("=", 1)[1].strip()
            elif line.startswith("sampledThread ="):
                sample["thread"] = line.split('"')[1]
            elif line == "}" and sample is not None:
                yield sample
                sample = None
            elif sample is not None and re.match(r"^[\w$.]+\.[\w$<>]+\(", line):
                sample["frames"].append(line.split("(")[0])


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "http-nio"
    since = sys.argv[3] if len(sys.argv) > 3 else ""
    all_samples = 0
    threads = Counter()
    selected = []
    for s in parse(path):
        if since and s.get("time", "") < since:
            continue
        all_samples += 1
        name = re.sub(r"\d+", "N", s.get("thread", "?"))
        threads[name] += 1
        if s.get("thread", "").startswith(prefix):
            selected.append(s["frames"])
    print(f"{all_samples} samples in all; by thread:")
    for name, n in threads.most_common(8):
        print(f"  {n:6d} {100.0 * n / max(1, all_samples):5.1f}%  {name}")
    total = len(selected)
    print(f"\n{total} samples on threads '{prefix}*'. Inclusive share:")
    for label, pattern in MARKERS:
        rx = re.compile(pattern)
        n = sum(1 for frames in selected if any(rx.search(fr) for fr in frames))
        print(f"  {100.0 * n / max(1, total):5.1f}%  {label}")
    print("\nTop frames (self):")
    for frame, n in Counter(frames[0] for frames in selected if frames).most_common(25):
        print(f"  {100.0 * n / max(1, total):5.1f}%  {frame}")
    print("\nTop platform methods (inclusive, pe.gob.pcm):")
    own = Counter()
    for frames in selected:
        for fr in set(f for f in frames if f.startswith("pe.gob.pcm")):
            own[fr] += 1
    for frame, n in own.most_common(15):
        print(f"  {100.0 * n / max(1, total):5.1f}%  {frame}")


if __name__ == "__main__":
    main()
