use super::*;
use crate::diagnostics::Span;

#[test]
fn short_and_human_formats() {
    let mut sources = Sources::default();
    let id = sources.add("content/a.md", "---\ntitle: x\nstatus: actve\n---\n");
    let mut diags = Diagnostics::new();
    diags.push(
        Diagnostic::error(Span::new(id, 21..26), "`actve` is not a valid `status`")
            .help("did you mean `active`?".to_owned()),
    );
    diags.push(Diagnostic::global("missing purpose statement"));
    let short = to_string(&diags, &sources, Format::Short);
    assert!(
        short.starts_with("content/a.md:3:9: error: `actve` is not a valid `status`"),
        "{short}"
    );
    assert!(short.contains("error: missing purpose statement"), "{short}");
    let human = to_string(&diags, &sources, Format::Human);
    assert!(human.contains("┌─ content/a.md:3:9"), "{human}");
    assert!(human.contains("3 │ status: actve"), "{human}");
    assert!(human.contains("= help: did you mean `active`?"), "{human}");
}

/// One file holding `text`, with an error at each of `ranges`.
fn errors_at(
    text: &str,
    ranges: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> (Sources, Diagnostics) {
    let mut sources = Sources::default();
    let id = sources.add("content/a.md", text);
    let mut diags = Diagnostics::new();
    for range in ranges {
        diags.push(
            Diagnostic::error(Span::new(id, range), "broken link: `x` does not exist")
                .label("here"),
        );
    }
    (sources, diags)
}

#[test]
fn a_long_line_is_shown_around_its_label_with_exact_numbers() {
    // 10,000 `æ` (two bytes each) push the label past several index blocks.
    let text = format!(
        "---\ntitle: x\n---\n{}[link](nowhere.md) and more text after it{}\n",
        "æ".repeat(10_000),
        " z".repeat(5_000)
    );
    let start = text.find("[link]").unwrap();
    let (sources, diags) = errors_at(&text, std::iter::once(start..start + 19));
    let human = to_string(&diags, &sources, Format::Human);
    assert!(human.contains("┌─ content/a.md:4:10001"), "{human}");
    assert!(human.contains("4 │ …ææææ"), "{human}");
    assert!(human.contains("[link](nowhere.md) and more text after it z z"), "{human}");
    assert!(human.contains(" z…\n"), "{human}");
    assert!(human.len() < 1_000, "{} bytes:\n{human}", human.len());
    let short = to_string(&diags, &sources, Format::Short);
    assert!(short.starts_with("content/a.md:4:10001: error: "), "{short}");
}

#[test]
fn short_lines_are_shown_whole() {
    let text = "Se [planen](socc.md) og [mere](x.md), et helt almindeligt afsnit på én linje.\n";
    let (sources, diags) = errors_at(text, std::iter::once(4..20));
    let human = to_string(&diags, &sources, Format::Human);
    assert!(human.contains(&format!("1 │ {}", text.trim_end())), "{human}");
}

#[test]
fn a_label_over_many_lines_shows_its_ends() {
    let text = format!("[start\n{}end](x.md)\n", "line\n".repeat(10_000));
    let (sources, diags) = errors_at(&text, std::iter::once(0..text.len() - 1));
    let human = to_string(&diags, &sources, Format::Human);
    assert!(human.contains("1 │ ╭ [start"), "{human}");
    assert!(human.contains("·"), "a break between the ends:\n{human}");
    assert!(human.contains("10002 │ │ end](x.md)"), "{human}");
    assert!(human.len() < 1_000, "{} bytes:\n{human}", human.len());
}

#[test]
fn labels_far_apart_on_one_line_get_a_window_each() {
    let text = format!("a{}b\n", " ".repeat(100_000));
    let mut sources = Sources::default();
    let id = sources.add("content/a.md", text.as_str());
    let mut diags = Diagnostics::new();
    diags.push(
        Diagnostic::error(Span::new(id, 100_001..100_002), "second")
            .also(Span::new(id, 0..1), "first"),
    );
    let human = to_string(&diags, &sources, Format::Human);
    assert!(human.contains("┌─ content/a.md:1:100002"), "{human}");
    assert!(human.contains("1 │ a "), "{human}");
    assert!(human.contains("1 │ … "), "{human}");
    assert!(human.len() < 1_000, "{} bytes:\n{human}", human.len());
}

#[test]
fn many_problems_of_one_kind_are_counted_not_shown() {
    let link = "[x](nowhere.md) ";
    let text = link.repeat(8_000);
    let ranges: Vec<_> =
        (0..8_000).map(|i| i * link.len()..i * link.len() + link.len() - 1).collect();
    let (sources, diags) = errors_at(&text, ranges);
    let human = to_string(&diags, &sources, Format::Human);
    assert_eq!(human.matches("error: broken link").count(), SHOWN_PER_KIND, "{human}");
    assert!(
        human.contains(
            "note: content/a.md has 7990 more errors like \"broken link: `…` does not exist\""
        ),
        "{human}"
    );
    assert!(human.contains("= help: `--message-format short` lists every one"), "{human}");
    assert!(human.len() < 20_000, "{} bytes", human.len());
    let short = to_string(&diags, &sources, Format::Short);
    assert_eq!(short.lines().count(), 8_000);
    assert!(
        short.lines().nth(7_999).unwrap().starts_with("content/a.md:1:127985: error: broken link")
    );
}

#[test]
fn long_messages_are_cut() {
    let mut sources = Sources::default();
    let id = sources.add("content/a.md", "x\n");
    let mut diags = Diagnostics::new();
    diags.push(
        Diagnostic::error(Span::new(id, 0..1), "y".repeat(100_000)).help("z".repeat(100_000)),
    );
    let human = to_string(&diags, &sources, Format::Human);
    assert!(human.len() < 1_000, "{} bytes", human.len());
    assert!(human.contains(&format!("error: {}…", "y".repeat(MAX_TEXT))), "{human}");
}
