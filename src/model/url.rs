//! Where pages and files end up in the site: every folder and file name
//! slugified, `.html` for pages. Also the one rule for relative paths that
//! must stay inside `content/`.

use crate::slug::slugify;
use crate::source::is_markdown;

/// The site folder that holds theme files (style sheet, logo).
pub const THEME_DIR: &str = "theme";

/// The files stratdoc writes at the site's root for spreadsheets, calendars
/// and scripts (see `render::export`); no content file may take their names.
pub const EXPORT_FILES: [&str; 4] =
    ["strategy.json", "strategy.schema.json", "initiatives.csv", "milestones.ics"];

/// The files stratdoc writes at the site's root for web servers and search
/// engines (the 404 page, `robots.txt`, `sitemap.xml`) and for the board
/// (`changes.html`, when a build compares with a revision; reserved in
/// every build, so turning the comparison on never hides a page); see
/// `render::site`. No content file may take their names.
pub const SITE_FILES: [&str; 4] = ["404.html", "robots.txt", "sitemap.xml", CHANGES];

/// The page of what changed since the revision a build compares with.
pub const CHANGES: &str = "changes.html";

/// The plan views stratdoc generates in the action plan's folder, by name:
/// `initiatives/matrix.html` and so on. Content may not take these names.
pub const PLAN_VIEWS: [&str; 5] = ["matrix", "status", "owners", "quarters", "kpis"];

/// The URL of plan view `name` in the plan's `folder` (`initiatives/matrix.html`).
#[must_use]
pub fn plan_view_url(folder: &str, name: &str) -> String {
    format!("{folder}/{name}.html")
}

/// The file name of `path` without its `.md` extension (in any case).
pub(super) fn stem(path: &str) -> &str {
    without_md(path.rsplit('/').next().unwrap_or(path))
}

/// `path` without its `.md` extension (in any case).
pub(super) fn without_md(path: &str) -> &str {
    if is_markdown(path) { &path[..path.len() - ".md".len()] } else { path }
}

/// Resolves `target` relative to the folder of `from` (both relative to
/// `content/`). `None` when it is absolute or climbs out of `content/`.
#[must_use]
pub fn join_relative(from: &str, target: &str) -> Option<String> {
    if target.starts_with('/')
        || target.starts_with('\\')
        || target.contains(':')
        || target.contains('\\')
    {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The output path of a page: each folder and the stem slugified, `.html`.
/// The `front` page (the purpose statement) is the site's front page.
#[must_use]
pub fn url_of(path: &str, front: bool) -> String {
    if front {
        return "index.html".to_owned();
    }
    let stem = without_md(path);
    let mut slugged: Vec<String> = stem.split('/').map(|part| non_empty(slugify(part))).collect();
    if let Some(last) = slugged.last_mut() {
        last.push_str(".html");
    }
    slugged.join("/")
}

/// The output path of an asset: folders slugified, the file name's stem too, extension lowercased.
#[must_use]
pub fn asset_url(path: &str) -> String {
    let (dirs, file) = path.rsplit_once('/').map_or(("", path), |(d, f)| (d, f));
    let (stem, ext) = file
        .rsplit_once('.')
        .filter(|(s, _)| !s.is_empty())
        .map_or((file, None), |(s, e)| (s, Some(e)));
    let mut out: Vec<String> = if dirs.is_empty() {
        Vec::new()
    } else {
        dirs.split('/').map(|d| non_empty(slugify(d))).collect()
    };
    let ext = ext.map(|e| format!(".{}", slugify(e))).unwrap_or_default();
    out.push(format!("{}{ext}", non_empty(slugify(stem))));
    out.join("/")
}

fn non_empty(slug: String) -> String {
    if slug.is_empty() { "side".to_owned() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_slugged_paths() {
        assert_eq!(url_of("initiatives/Fælles SOC.md", false), "initiatives/faelles-soc.html");
        assert_eq!(url_of("purpose.md", true), "index.html");
        assert_eq!(url_of("om/Kontakt os.md", false), "om/kontakt-os.html");
        assert_eq!(url_of("Om/Intro.MD", false), "om/intro.html");
        assert_eq!(stem("a/b.Md"), "b");
        assert_eq!(stem("æ.md"), "æ");
        assert_eq!(asset_url("analysis/Spørgeskema 2026.CSV"), "analysis/spoergeskema-2026.csv");
        assert_eq!(asset_url("billeder/logo.svg"), "billeder/logo.svg");
    }

    #[test]
    fn relative_paths_stay_inside_content() {
        assert_eq!(
            join_relative("analysis/a.md", "data.csv").as_deref(),
            Some("analysis/data.csv")
        );
        assert_eq!(join_relative("analysis/a.md", "../x/./d.csv").as_deref(), Some("x/d.csv"));
        assert_eq!(join_relative("analysis/a.md", "../../etc/passwd"), None);
        assert_eq!(join_relative("a.md", "/etc/passwd"), None);
        assert_eq!(join_relative("a.md", "C:\\x.csv"), None);
        assert_eq!(join_relative("a.md", "..\\x.csv"), None);
    }
}
