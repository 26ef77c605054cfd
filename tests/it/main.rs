//! The integration test binary: one module per feature, all sharing `support`.
//! See `tests/README.md` for how to add a case.

mod build;
mod cli;
mod commonmark;
#[cfg(unix)]
mod confinement;
mod diagnostics;
mod english;
mod exports;
mod fuzz_corpus;
mod health;
mod limits;
mod markdown;
mod plan;
mod print;
mod public_body;
mod publish;
mod safety;
mod search;
mod site;
mod support;
