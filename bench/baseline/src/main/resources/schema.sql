CREATE TABLE IF NOT EXISTS bench_document (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    file_name           VARCHAR(255) NOT NULL,
    size_bytes          BIGINT       NOT NULL,
    content             BYTEA        NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMP    NOT NULL
);
