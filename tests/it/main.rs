//! The integration test binary: one module per feature, all sharing `support`.
//! See `tests/README.md` for how to add a case.

mod build;
mod cli;
mod commonmark;
mod diagnostics;
mod fuzz_corpus;
mod markdown;
mod safety;
mod support;
