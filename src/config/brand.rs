//! The `brand:` key of `stratdoc.yaml`: the organisation's colours, its
//! typeface and logo, written once and applied to the site, the board
//! edition and the figures alike, as the CSS custom properties every
//! stylesheet of the theme reads (`--brand`, `--font`, …). A primary colour
//! too light for text on white is refused with a darker shade that passes.

use std::fmt::Write as _;

use crate::config::Written;
use crate::diagnostics::{Code, Diagnostic};
use crate::fields::Reader;

/// WCAG 2.1 AA: normal text on its background.
const TEXT_CONTRAST: f64 = 4.5;
/// WCAG 2.1 AA: graphics and large text.
const GRAPHIC_CONTRAST: f64 = 3.0;

/// What `brand:` says.
#[derive(Clone, Debug, Default)]
pub struct Brand {
    /// `primary:`: header, links, headings' accents (text on white, and
    /// the background of white text).
    pub primary: Option<Colour>,
    /// `accent:`: rules and marks beside the primary colour.
    pub accent: Option<Colour>,
    /// `font:`: the family, and its files inside the project.
    pub font: Option<Font>,
    /// `logo:`, the same as the top-level `logo:`.
    pub logo: Option<Written>,
}

/// A typeface: its family name and the font files that hold it.
#[derive(Clone, Debug)]
pub struct Font {
    /// `family:` (`Source Sans 3`).
    pub family: String,
    /// `files:`, paths relative to the project (`fonts/SourceSans3.woff2`).
    pub files: Vec<Written>,
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// Red, green and blue, 0–255.
    pub rgb: [u8; 3],
}

impl Colour {
    /// `#rgb` or `#rrggbb`, either case.
    #[must_use]
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
            .collect::<Option<_>>()?;
        let rgb = match digits[..] {
            [r, g, b] => [r * 17, g * 17, b * 17],
            [r1, r2, g1, g2, b1, b2] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
            _ => return None,
        };
        Some(Colour { rgb })
    }

    /// `#rrggbb`.
    #[must_use]
    pub fn hex(self) -> String {
        let [r, g, b] = self.rgb;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Relative luminance (WCAG 2.1).
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        let [r, g, b] = self.rgb.map(channel);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// Contrast ratio against white (1 to 21).
    #[must_use]
    pub fn contrast_on_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }

    /// This colour mixed with `other`, `share` (0–1) of the way to it.
    #[must_use]
    pub fn mix(self, other: Colour, share: f64) -> Colour {
        let mut rgb = self.rgb;
        for (c, o) in rgb.iter_mut().zip(other.rgb) {
            let v = f64::from(*c) + (f64::from(o) - f64::from(*c)) * share;
            // Rounded into 0–255 first, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = v.round().clamp(0.0, 255.0) as u8;
            *c = v;
        }
        Colour { rgb }
    }

    /// The lightest shade of this colour (mixed with black) that reaches
    /// `ratio` against white.
    #[must_use]
    pub fn darkened_to(self, ratio: f64) -> Colour {
        (0..=100)
            .map(|step| self.mix(BLACK, f64::from(step) / 100.0))
            .find(|c| c.contrast_on_white() >= ratio)
            .unwrap_or(BLACK)
    }
}

const BLACK: Colour = Colour { rgb: [0, 0, 0] };
const WHITE: Colour = Colour { rgb: [255, 255, 255] };

/// Reads `brand:`, each problem at its line.
pub(super) fn read(r: &mut Reader<'_>) -> Option<Brand> {
    r.mapping("brand", |b| {
        let primary = colour(b, "primary", TEXT_CONTRAST, "text on white");
        let accent = colour(b, "accent", GRAPHIC_CONTRAST, "rules and marks on white");
        let font = b.mapping("font", |f| {
            let family = f.required_text("family", "Source Sans 3");
            let files = f
                .spanned_texts("files")
                .into_iter()
                .map(|(text, at)| Written { text, at })
                .collect();
            family.map(|family| Font { family, files })
        });
        let logo = b.spanned_text("logo").map(|(text, at)| Written { text, at });
        Brand { primary, accent, font: font.flatten(), logo }
    })
}

/// The colour at `key`, checked to reach `ratio` against white: the
/// primary colour is text, so one too light is an error that names the
/// darker shade that passes; the accent only draws, so it is a warning.
fn colour(r: &mut Reader<'_>, key: &'static str, ratio: f64, use_: &str) -> Option<Colour> {
    let (text, at) = r.spanned_text(key)?;
    let Some(colour) = Colour::parse(&text) else {
        r.diags.push(
            Diagnostic::error(at, format!("`{text}` is not a colour"))
                .code(Code::InvalidValue)
                .help(format!("write it as #rrggbb, e.g. `{key}: \"#004993\"` (quoted)")),
        );
        return None;
    };
    let has = colour.contrast_on_white();
    if has < ratio {
        let passes = colour.darkened_to(ratio);
        let message = format!(
            "the {key} colour {} has a contrast of {has:.1}:1 on white; {use_} needs {ratio}:1 (WCAG AA)",
            colour.hex()
        );
        let help = format!(
            "use `{key}: \"{}\"`, the same colour darkened ({:.1}:1)",
            passes.hex(),
            passes.contrast_on_white()
        );
        let diagnostic = if key == "primary" {
            Diagnostic::error(at, message)
        } else {
            Diagnostic::warning(at, message)
        };
        r.diags.push(diagnostic.code(Code::InvalidValue).help(help));
        return (key != "primary").then_some(colour);
    }
    Some(colour)
}

impl Brand {
    /// The stylesheet that applies the brand over the theme's: custom
    /// properties on `:root` (read by style.css, print.css and figures.css),
    /// and the font's faces, whose files are published as `fonts/NAME`
    /// beside it (`font_files`, by file name).
    #[must_use]
    pub fn css(&self, font_files: &[String]) -> String {
        let mut css = String::from("/* stratdoc: `brand:` in stratdoc.yaml */\n");
        if let Some(font) = &self.font {
            for file in font_files {
                let format = match file.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
                    Some("woff2") => "woff2",
                    Some("woff") => "woff",
                    Some("otf") => "opentype",
                    _ => "truetype",
                };
                let _ = writeln!(
                    css,
                    "@font-face {{ font-family: {}; src: url(\"fonts/{file}\") format(\"{format}\"); font-weight: {}; font-style: {}; font-display: swap; }}",
                    css_string(&font.family),
                    weight(file),
                    if file.to_ascii_lowercase().contains("italic") { "italic" } else { "normal" },
                );
            }
        }
        css.push_str(":root {\n");
        if let Some(primary) = self.primary {
            let dark = primary.mix(BLACK, 0.35);
            let _ = writeln!(css, "  --brand: {};", primary.hex());
            let _ = writeln!(css, "  --brand-dark: {};", dark.hex());
            let _ = writeln!(css, "  --brand-tint: {};", primary.mix(WHITE, 0.9).hex());
            let _ = writeln!(css, "  --link: {};", primary.hex());
            let _ = writeln!(css, "  --link-hover: {};", dark.hex());
        }
        if let Some(accent) = self.accent {
            let _ = writeln!(css, "  --accent: {};", accent.hex());
        }
        if let Some(font) = &self.font {
            let _ = writeln!(css, "  --font: {}, system-ui, sans-serif;", css_string(&font.family));
        }
        css.push_str("}\n");
        css
    }
}

/// The weight a font file's name says (`…-Bold.woff2`), 400 by default.
fn weight(file: &str) -> u16 {
    let name = file.to_ascii_lowercase();
    [
        ("black", 900),
        ("extrabold", 800),
        ("semibold", 600),
        ("bold", 700),
        ("medium", 500),
        ("light", 300),
    ]
    .iter()
    .find(|(word, _)| name.contains(word))
    .map_or(400, |&(_, w)| w)
}

/// `text` as a quoted CSS string.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let c = |t| Colour::parse(t).unwrap().contrast_on_white();
        assert!((c("#000") - 21.0).abs() < 0.01);
        assert!((c("#ffffff") - 1.0).abs() < 0.01);
        assert!((c("#767676") - 4.54).abs() < 0.01, "the classic AA grey");
        assert_eq!(Colour::parse("#0A7"), Some(Colour { rgb: [0, 170, 119] }));
        assert_eq!(Colour::parse("teal"), None);
        assert_eq!(Colour::parse("#12345"), None);
    }

    #[test]
    fn a_light_colour_is_darkened_just_enough() {
        let light = Colour::parse("#3fa9f5").unwrap();
        assert!(light.contrast_on_white() < TEXT_CONTRAST);
        let passes = light.darkened_to(TEXT_CONTRAST);
        assert!(passes.contrast_on_white() >= TEXT_CONTRAST);
        let one_step_lighter = light.mix(BLACK, 0.0);
        assert!(one_step_lighter.contrast_on_white() < TEXT_CONTRAST);
        assert_ne!(passes, BLACK, "a shade of the colour, not black");
    }

    #[test]
    fn the_css_sets_the_properties_the_theme_reads() {
        let brand = Brand {
            primary: Colour::parse("#7a1f5c"),
            accent: Colour::parse("#b35900"),
            font: Some(Font { family: "Source \"Sans\" 3".into(), files: Vec::new() }),
            logo: None,
        };
        let css = brand.css(&["SourceSans3-Bold.woff2".into()]);
        assert!(css.contains("--brand: #7a1f5c;"), "{css}");
        assert!(css.contains("--accent: #b35900;"), "{css}");
        assert!(css.contains("--font: \"Source \\\"Sans\\\" 3\", system-ui"), "{css}");
        assert!(
            css.contains(
                "url(\"fonts/SourceSans3-Bold.woff2\") format(\"woff2\"); font-weight: 700"
            ),
            "{css}"
        );
    }
}
