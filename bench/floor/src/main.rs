//! The benchmark's floor: what no static site generator can avoid doing with
//! a folder of Markdown pages, done as fast as the crates stratdoc uses allow.
//!
//! `floor CONTENT_DIR OUT_DIR` reads every `.md` under `CONTENT_DIR`, splits
//! off the `---` frontmatter and parses it with `serde_yaml` into a generic
//! value, renders the body with pulldown-cmark (stratdoc's options) and
//! writes one `.html` per page at the same relative path under `OUT_DIR`,
//! in parallel with rayon. `OUT_DIR` is replaced if it is empty or one the
//! floor wrote (it holds `.floor-output`), else refused. No templates, no links
//! resolved, no navigation: a generator's time over this is what its own
//! work costs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: floor CONTENT_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    match run(content, out) {
        Ok(pages) => {
            eprintln!("floor: {pages} pages → {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(content: &Path, out: &Path) -> Result<usize, String> {
    let mut pages = Vec::new();
    walk(content, Path::new(""), &mut pages)?;
    replace(out)?;
    // Folders first, one thread: parallel `create_dir_all` of shared parents races.
    let mut dirs: Vec<PathBuf> =
        pages.iter().filter_map(|p| p.parent()).map(|d| out.join(d)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs.iter().chain([&out.to_path_buf()]) {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(out.join(MARKER), "").map_err(|e| format!("{}: {e}", out.display()))?;
    pages.par_iter().try_for_each(|rel| {
        let html = render(&content.join(rel))?;
        let dest = out.join(rel).with_extension("html");
        fs::write(&dest, html).map_err(|e| format!("{}: {e}", dest.display()))
    })?;
    Ok(pages.len())
}

/// Marks a folder the floor wrote, so a mistyped `OUT_DIR` is never deleted.
const MARKER: &str = ".floor-output";

/// Removes the previous output: only an empty folder or one the floor wrote.
fn replace(out: &Path) -> Result<(), String> {
    let Ok(mut entries) = fs::read_dir(out) else { return Ok(()) };
    if entries.next().is_some() && !out.join(MARKER).is_file() {
        return Err(format!(
            "{} is not empty and not the floor's output; refusing to replace it",
            out.display()
        ));
    }
    fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))
}

/// Every `.md` under `dir`, as paths relative to the content folder.
fn walk(root: &Path, rel: &Path, pages: &mut Vec<PathBuf>) -> Result<(), String> {
    let dir = root.join(rel);
    let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = rel.join(entry.file_name());
        if entry.file_type().map_err(|e| format!("{}: {e}", path.display()))?.is_dir() {
            walk(root, &path, pages)?;
        } else if path.extension().is_some_and(|x| x == "md") {
            pages.push(path);
        }
    }
    Ok(())
}

/// One page as a minimal HTML document: the title, then the body.
fn render(path: &Path) -> Result<String, String> {
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (front, body) = split(&source);
    let meta: serde_yaml::Value =
        serde_yaml::from_str(front).map_err(|e| format!("{}: {e}", path.display()))?;
    let title = meta.get("title").and_then(serde_yaml::Value::as_str).unwrap_or("");
    let mut page = String::with_capacity(body.len() * 2);
    page.push_str("<!DOCTYPE html>\n<html lang=\"da\">\n<head><meta charset=\"utf-8\"><title>");
    escape(title, &mut page);
    page.push_str("</title></head>\n<body>\n<h1>");
    escape(title, &mut page);
    page.push_str("</h1>\n");
    html::push_html(&mut page, Parser::new_ext(body, options()));
    page.push_str("</body>\n</html>\n");
    Ok(page)
}

/// stratdoc's Markdown options (src/markdown/mod.rs).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// (frontmatter, body); a page without `---` on its first line has none.
fn split(source: &str) -> (&str, &str) {
    let Some(rest) = source.strip_prefix("---\n") else { return ("", source) };
    match rest.find("\n---\n") {
        Some(end) => (&rest[..=end], &rest[end + 5..]),
        None => ("", source),
    }
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}
