-- Officers' corrections: the latest label per report, kept as training data.
create table training_labels (
    report_id text primary key,
    text text not null,
    topic text not null,
    risk text not null,
    labelled_by text not null,
    labelled_at text not null
);

-- status: champion (in use) | challenger (trained, under evaluation) | rejected | retired
create table model_versions (
    version text primary key,
    status text not null,
    created_at text not null,
    training_sha256 text not null,
    heldout_metrics text null,
    champion_metrics text null,
    content blob null,
    decided_at text null,
    note text not null
);
