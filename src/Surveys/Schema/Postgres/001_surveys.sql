-- Questionnaires: questions as a JSON array (id, kind scale|text, text, dimension, labels).
create table surveys (
    id uuid primary key,
    code text not null unique,
    title text not null,
    title_en text null,
    questions text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- One row per uploaded file; file_hash makes re-uploading the same file a no-op.
create table survey_imports (
    id uuid primary key,
    survey_id uuid not null references surveys (id),
    file_hash text not null,
    file_name text null,
    format text not null,
    encoding text not null,
    rows_read integer not null,
    rows_imported integer not null,
    rows_duplicate integer not null,
    rows_rejected integer not null,
    dropped_columns text not null,
    errors text not null,
    imported_by text null,
    imported_at timestamptz not null
);
create unique index ux_survey_imports_file on survey_imports (survey_id, file_hash);

-- Column mappings remembered per source (a named source or a header signature).
create table survey_column_mappings (
    survey_id uuid not null references surveys (id),
    source_key text not null,
    mapping text not null,
    updated_at timestamptz not null,
    primary key (survey_id, source_key)
);

-- Anonymous responses: no column that identifies a person is ever stored. scores is a JSON object
-- {questionId: 1..5}; row_hash (of the row's non-identifying cells) keeps a re-import from duplicating.
create table survey_responses (
    id uuid primary key,
    survey_id uuid not null references surveys (id),
    import_id uuid not null,
    workplace_code text not null,
    wave text not null,
    row_hash text not null,
    scores text not null,
    imported_at timestamptz not null
);
create unique index ux_survey_responses_row on survey_responses (survey_id, row_hash);
create index ix_survey_responses_wave on survey_responses (survey_id, wave, workplace_code);

-- Free-text answers, masked; id is the synthetic report id the classifier labels them under.
create table survey_comments (
    id uuid primary key,
    survey_id uuid not null,
    response_id uuid not null,
    import_id uuid not null,
    workplace_code text not null,
    wave text not null,
    question_id text not null,
    text text not null,
    imported_at timestamptz not null,
    published_at timestamptz null
);
create index ix_survey_comments_wave on survey_comments (survey_id, wave, workplace_code);
create index ix_survey_comments_unpublished on survey_comments (published_at, imported_at);
create index ix_survey_comments_import on survey_comments (import_id, id);

-- Index drops already announced, so a re-import does not announce them again.
create table survey_index_drops (
    id uuid primary key,
    survey_id uuid not null,
    workplace_code text not null,
    wave text not null,
    dimension text not null,
    previous_wave text not null,
    previous_index double precision not null,
    current_index double precision not null,
    p_value double precision not null,
    detected_at timestamptz not null
);
create unique index ux_survey_index_drops on survey_index_drops (survey_id, workplace_code, wave, dimension);
