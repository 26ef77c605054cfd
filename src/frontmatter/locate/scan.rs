//! Reading YAML as it is written, for the locator: keys (plain or quoted,
//! escapes decoded), comments, and the pieces of a flow collection
//! (`[a, b]`, `{k: v}`), each as a byte range of the text.

use std::ops::Range;

/// Length of `key` (possibly quoted) at the start of `line` when a `:` follows.
pub(in crate::frontmatter) fn key_at(line: &str, key: &str) -> Option<usize> {
    written_key(line).filter(|(name, _)| name == key).map(|(_, len)| len)
}

/// The key written at the start of `line` (decoded: quotes and escapes
/// undone) and its length as written, when a `:` follows it.
pub(super) fn written_key(line: &str) -> Option<(String, usize)> {
    let (name, len) = match line.as_bytes().first()? {
        b'"' => double_quoted(line)?,
        b'\'' => single_quoted(line)?,
        b'?' | b':' | b'-' | b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%'
        | b'@' | b'`' => {
            return None;
        }
        _ => {
            let len = plain_len(line);
            (line[..len].to_owned(), len)
        }
    };
    line[len..].trim_start_matches([' ', '\t']).starts_with(':').then_some((name, len))
}

/// Length of a plain key: up to `: `, a `:` at the end, or ` #`, without trailing blanks.
pub(super) fn plain_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1);
        if (b == b':' && next.is_none_or(|n| *n == b' ' || *n == b'\t'))
            || (b == b'#' && i > 0 && matches!(bytes[i - 1], b' ' | b'\t'))
        {
            end = i;
            break;
        }
    }
    line[..end].trim_end_matches([' ', '\t']).len()
}

/// `'it''s'` -> (`it's`, 7).
fn single_quoted(line: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = line.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return Some((out, i + 1));
            }
        }
        out.push(c);
    }
    None
}

/// `"ti\u0074le"` -> (`title`, 12): YAML's escapes in double quotes.
fn double_quoted(line: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = line.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (_, escape) = chars.next()?;
                let simple = match escape {
                    '0' => Some('\0'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    't' | '\t' => Some('\t'),
                    'n' => Some('\n'),
                    'v' => Some('\u{b}'),
                    'f' => Some('\u{c}'),
                    'r' => Some('\r'),
                    'e' => Some('\u{1b}'),
                    ' ' => Some(' '),
                    '"' => Some('"'),
                    '/' => Some('/'),
                    '\\' => Some('\\'),
                    'N' => Some('\u{85}'),
                    '_' => Some('\u{a0}'),
                    'L' => Some('\u{2028}'),
                    'P' => Some('\u{2029}'),
                    _ => None,
                };
                if let Some(c) = simple {
                    out.push(c);
                    continue;
                }
                let digits = match escape {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => return None,
                };
                let hex: String =
                    (0..digits).filter_map(|_| chars.next().map(|(_, c)| c)).collect();
                out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)?);
            }
            c => out.push(c),
        }
    }
    None
}

/// True for an unquoted YAML 1.1 boolean word written as `raw`.
pub(super) fn is_yes_no(value: &str, raw: &str) -> bool {
    raw == value
        && ["yes", "no", "on", "off", "y", "n"].contains(&value.to_ascii_lowercase().as_str())
}

/// `value # comment` -> `value` (a `#` starts a comment only after a space).
pub(super) fn strip_comment(text: &str) -> &str {
    if text.starts_with('"') || text.starts_with('\'') {
        return text;
    }
    text.find(" #").map_or(text, |i| &text[..i])
}

/// The pieces of the flow collection (`[a, "b, c", [d]]` or `{k: v, …}`)
/// that `text` starts with, each the byte range of its content (blanks and
/// comments around it left out), split at commas outside quotes and
/// brackets. The collection may run over several lines. `None` when `text`
/// does not start with a flow collection or it does not close.
pub(super) fn flow_pieces(text: &str) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let close = match bytes.first()? {
        b'[' => b']',
        b'{' => b'}',
        _ => return None,
    };
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    // The content of the current piece so far.
    let mut piece: Option<Range<usize>> = None;
    let mut i = 1;
    while i < bytes.len() {
        let mut end = i + 1;
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'#' if matches!(bytes[i - 1], b' ' | b'\t' | b'\r' | b'\n') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            // A quote starts a quoted scalar only where a scalar starts.
            quote @ (b'"' | b'\'')
                if piece
                    .as_ref()
                    .is_none_or(|p| matches!(bytes[p.end - 1], b':' | b'[' | b'{' | b',')) =>
            {
                end = quoted_end(bytes, i, quote)?;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b',' if depth == 0 => {
                pieces.push(piece.take().unwrap_or(i..i));
                i += 1;
                continue;
            }
            b if b == close && depth == 0 => {
                pieces.extend(piece);
                return Some(pieces);
            }
            _ => {}
        }
        piece = Some(piece.map_or(i..end, |p| p.start..end));
        i = end;
    }
    None
}

/// One piece of a flow mapping (`name: value`, at `piece` in `text`): the
/// key's name, where the key is written, and where its value is, if it has one.
pub(super) fn flow_entry(
    text: &str,
    piece: Range<usize>,
) -> (String, Range<usize>, Option<Range<usize>>) {
    let written = &text[piece.clone()];
    let Some((name, len)) = written_key(written) else {
        return (written.to_owned(), piece, None);
    };
    let after = &written[len..];
    let value = after.trim_start_matches([' ', '\t']).strip_prefix(':').unwrap_or("");
    let value_start = piece.end - value.trim_start().len();
    let value = (!value.trim().is_empty()).then(|| value_start..value_start + value.trim().len());
    (name, piece.start..piece.start + len, value)
}

/// The end (after the closing quote) of the quoted scalar opening at `at`.
fn quoted_end(bytes: &[u8], at: usize, quote: u8) -> Option<usize> {
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => return Some(i + 1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// `&anchor !!tag 1.10` -> `1.10`: a node's text without its properties.
pub(super) fn without_properties(mut text: &str) -> &str {
    while text.starts_with(['&', '!']) {
        let Some((_, rest)) = text.split_once([' ', '\t']) else { break };
        text = rest.trim_start();
    }
    text
}
