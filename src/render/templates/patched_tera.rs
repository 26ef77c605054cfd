//! What stratdoc's patch to Tera (`vendor/tera/PATCHED.md`) must keep: the
//! output of the published Tera where it changed how Tera works, and what
//! it adds, a render of one context over another and escaping straight
//! into the output.

mod lookups;
mod output;

/// `error` and the errors under it, as one line.
fn reasons(error: &tera::Error) -> String {
    std::iter::successors(Some(error as &dyn std::error::Error), |e| e.source())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" / ")
}
