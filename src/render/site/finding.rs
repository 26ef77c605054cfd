//! How the site is found and shared: each page's description and, with
//! `base_url`, its canonical address; `robots.txt` for every site and
//! `sitemap.xml` for an approved one with `base_url`.
//!
//! A draft asks not to be indexed (`noindex` on every page, `Disallow` in
//! `robots.txt`) and has no sitemap. Sitemaps and canonical links need
//! absolute addresses, so without `base_url` there are none: the site's links
//! stay relative and it works from any host, path or disk.

use std::fmt::Write as _;

use crate::artifact::{Contents, OutputFile};
use crate::config::{Config, Status};
use crate::render::escape_html;
use crate::render::site::Site;

/// The file crawlers read for what they may index.
pub(crate) const ROBOTS: &str = "robots.txt";
/// The list of every page's address, for search engines.
pub(crate) const SITEMAP: &str = "sitemap.xml";

impl Site<'_> {
    /// What a page that has no summary of its own says about itself in
    /// search results and shared links: the purpose's summary, else the
    /// subtitle, else the title.
    pub(super) fn default_description(&self) -> String {
        let config = self.input.config;
        let publication = self.input.publication;
        let front = publication.schema.with_role(crate::schema::Role::Front);
        let purpose = front.and_then(|kind| publication.of_kind(kind).next());
        purpose
            .and_then(|(_, p)| p.summary.clone())
            .or_else(|| config.subtitle.clone())
            .unwrap_or_else(|| config.title.clone())
    }

    /// `robots.txt`, and `sitemap.xml` when the site may be indexed and has
    /// a `base_url`. `pages` are the URLs of the site's pages, sorted.
    pub(super) fn crawler_files(&self, pages: &[&str]) -> Vec<OutputFile> {
        let config = self.input.config;
        let sitemap = config.base_url.as_deref().filter(|_| config.status == Status::Approved);
        let mut files = vec![text_file(ROBOTS, robots(config, sitemap))];
        if let Some(base) = sitemap {
            files.push(text_file(SITEMAP, sitemap_xml(base, pages)));
        }
        files
    }
}

/// The absolute address of the page at `url` under `base` (a `base_url`): a
/// folder's `index.html` as the folder, the address people share.
pub(crate) fn absolute_url(base: &str, url: &str) -> String {
    let folder = url.strip_suffix("index.html").filter(|u| u.is_empty() || u.ends_with('/'));
    format!("{base}{}", folder.unwrap_or(url))
}

/// `robots.txt` is read only at a host's root, so its rules name the site's
/// path: copied there (or merged into the host's own), a draft under
/// `/strategi/` closes only `/strategi/`, never the whole host.
fn robots(config: &Config, sitemap: Option<&str>) -> String {
    let rule = if config.status == Status::Draft { "Disallow" } else { "Allow" };
    let mut text = format!("User-agent: *\n{rule}: {}\n", config.base_path);
    if let Some(base) = sitemap {
        text = format!("{text}\nSitemap: {base}{SITEMAP}\n");
    }
    text
}

/// The sitemap protocol's XML: one `<url><loc>` per page.
fn sitemap_xml(base: &str, pages: &[&str]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in pages {
        let loc = escape_html(&absolute_url(base, url));
        let _ = writeln!(xml, "  <url><loc>{loc}</loc></url>");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn text_file(path: &str, text: String) -> OutputFile {
    OutputFile { path: path.to_owned(), contents: Contents::Bytes(text.into_bytes()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_reserves_these_names() {
        let written = [super::super::not_found::NOT_FOUND, ROBOTS, SITEMAP, super::super::CHANGES];
        assert_eq!(crate::model::SITE_FILES, written);
    }

    #[test]
    fn a_folder_index_is_shared_as_the_folder() {
        let base = "https://a.dk/s/";
        assert_eq!(absolute_url(base, "index.html"), "https://a.dk/s/");
        assert_eq!(absolute_url(base, "initiatives/index.html"), "https://a.dk/s/initiatives/");
        assert_eq!(
            absolute_url(base, "initiatives/soc.html"),
            "https://a.dk/s/initiatives/soc.html"
        );
        assert_eq!(absolute_url(base, "noindex.html"), "https://a.dk/s/noindex.html");
    }

    #[test]
    fn robots_name_the_site_path_and_the_sitemap() {
        let draft = Config { base_path: "/s/".to_owned(), ..Config::default() };
        assert_eq!(robots(&draft, None), "User-agent: *\nDisallow: /s/\n");
        let approved = Config { status: Status::Approved, ..Config::default() };
        assert_eq!(
            robots(&approved, Some("https://a.dk/")),
            "User-agent: *\nAllow: /\n\nSitemap: https://a.dk/sitemap.xml\n"
        );
    }

    #[test]
    fn the_sitemap_lists_absolute_addresses_escaped() {
        let xml = sitemap_xml("https://a.dk/", &["index.html", "a&b.html"]);
        assert!(xml.contains("<loc>https://a.dk/</loc>"), "{xml}");
        assert!(xml.contains("<loc>https://a.dk/a&amp;b.html</loc>"), "{xml}");
    }
}
