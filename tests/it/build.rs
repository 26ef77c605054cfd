//! build tests
