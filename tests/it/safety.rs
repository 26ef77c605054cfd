//! safety tests
