//! Links as writers write them, each resolved to what it points at and
//! written as each output writes it.

use super::*;
use crate::calendar::Quarter;
use crate::config::{Config, Language};
use crate::diagnostics::Sources;
use crate::frontmatter;
use crate::markdown::{self, HtmlOptions};
use crate::model::{self, Parsed};
use crate::source::Asset;

/// The targets of the links of `body`, written in `from` of a small
/// publication, with the messages they drew.
fn targets(from: &str, body: &str) -> (Vec<Target>, Publication, Vec<String>) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let pages = [
        ("purpose.md", "---\ntitle: Formål\n---\n".to_owned()),
        ("directions/cyber.md", "---\ntitle: Cyber\n---\n## Ambition\n".to_owned()),
        ("docs/index.md", "# Vejledninger\n".to_owned()),
        (from, format!("---\ntitle: Fra\n---\n## Her\n\n{body}\n")),
    ];
    let parsed: Vec<Parsed> = pages
        .iter()
        .map(|(path, text)| {
            let id = sources.add(format!("content/{path}"), text.as_str());
            let frontmatter = if path.starts_with("docs/") {
                frontmatter::parse_plain(id, text, &mut diags)
            } else {
                frontmatter::parse(id, text, &mut diags)
            };
            Parsed::new(id, path, frontmatter, text)
        })
        .collect();
    let assets = vec![Asset { rel: "billeder/Kort 1.PNG".into(), abs: "/x".into() }];
    let config = Config { language: Language::Da, ..Config::default() };
    let as_of = Quarter { year: 2027, quarter: 1 };
    let publication = model::validate(&parsed, assets, &config, false, as_of, &mut diags);
    let options = HtmlOptions { language: Language::Da, allow_html: true };
    let docs: Vec<Doc<'_>> = publication
        .pages
        .iter()
        .map(|p| markdown::parse(p.source, sources.get(p.source).text(), p.body.clone(), options))
        .collect();
    let index = Index::new(&publication);
    let page = publication.by_path(from).expect("the page");
    let mut pending = Vec::new();
    let found = index.links(page, &docs[page.index()], &mut pending, &mut diags);
    let anchors: Vec<Anchors> = docs.iter().map(Anchors::of).collect();
    index.check(&pending, &|id| anchors.get(id.index()), &mut diags);
    let messages =
        diags.items().iter().filter(|d| d.is_error()).map(|d| d.message.clone()).collect();
    (found, publication, messages)
}

#[test]
fn each_link_says_what_it_points_at() {
    let (found, publication, messages) = targets(
        "narrative/a.md",
        "[c](../directions/cyber.md#ambition) [k](../billeder/Kort%201.PNG) [d](../directions/) [v](../docs/) [h](#her) [w](https://example.dk) [j](javascript:alert(1))",
    );
    let direction = publication.schema.find("direction").unwrap();
    let cyber = publication.find(direction, "cyber").unwrap();
    let docs = publication.by_path("docs/index.md").unwrap();
    assert_eq!(
        found,
        [
            Target::Page { page: cyber, fragment: Some("ambition".into()) },
            Target::File { url: "billeder/kort-1.png".into(), fragment: None },
            Target::Section { kind: direction, fragment: None },
            Target::Page { page: docs, fragment: None },
            Target::Here("her".into()),
            Target::AsWritten,
            Target::Refused,
        ]
    );
    assert_eq!(messages, ["`javascript:` links are not allowed"]);
}

#[test]
fn the_site_writes_targets_as_relative_links() {
    let (found, publication, _) = targets(
        "narrative/a.md",
        "[c](../directions/cyber.md#ambition) [d](../directions/) [v](../docs/)",
    );
    let from = &publication[publication.by_path("narrative/a.md").unwrap()];
    let hrefs: Vec<Href> = found.iter().map(|t| t.site_href(from, &publication)).collect();
    assert_eq!(
        hrefs,
        [
            Href::To("../directions/cyber.html#ambition".to_owned()),
            Href::To("../directions/index.html".to_owned()),
            Href::To("../docs/index.html".to_owned()),
        ]
    );
}
