//! Fuzz target `chart`; the logic lives in `fuzz/harness.rs`, which the
//! integration tests (`tests/it/fuzz_corpus.rs`) also use to replay
//! `fuzz/regressions/chart/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::chart(data));
