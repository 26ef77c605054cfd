//! The integration test binary: one module per feature, all sharing `support`.
//! See `tests/README.md` for how to add a case.

mod brand;
mod build;
mod cli;
mod commonmark;
mod compare;
#[cfg(unix)]
mod confinement;
mod deps;
mod diagnostics;
mod english;
mod exports;
mod formats;
mod fremtid;
mod fuzz_corpus;
mod health;
mod init;
mod kinds;
mod limits;
mod manual;
mod markdown;
mod mistakes;
mod new;
mod opened;
mod own_kinds;
mod plan;
mod print;
#[cfg(unix)]
mod print_lockdown;
#[cfg(unix)]
mod private;
mod progress;
mod public_body;
mod publish;
mod safety;
mod screen;
mod search;
mod sections;
mod serve;
mod settings;
mod shape;
mod site;
mod support;
mod values;
