//! Reading the printed PDF's destinations and writing its metadata.

use super::*;

#[test]
fn text_strings_outside_ascii_are_utf16_with_a_byte_order_mark() {
    let plain = Object::string_literal(b"KDF".to_vec()).text();
    assert_eq!(plain, Object::string_literal(b"KDF".to_vec()));
    let Object::String(bytes, _) = Object::string_literal("Fælles".as_bytes().to_vec()).text()
    else {
        panic!()
    };
    assert_eq!(bytes, [0xfe, 0xff, 0, b'F', 0, 0xe6, 0, b'l', 0, b'l', 0, b'e', 0, b's']);
}

#[test]
fn named_destinations_are_read_and_metadata_is_written() {
    let mut doc = Document::with_version("1.4");
    let pages = doc.new_object_id();
    let page = doc.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let mut dests = Dictionary::new();
    dests.set("p-a", vec![Object::Reference(page), Object::Name(b"XYZ".to_vec())]);
    let catalog = doc
        .add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages, "Dests" => dests });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    assert_eq!(destinations(&bytes).unwrap(), HashMap::from([("p-a".to_owned(), 1)]));
    assert_eq!(page_count(&bytes).unwrap(), 1);
    let finished =
        finish(&bytes, &Metadata { author: Some("Fællesskabet"), subject: None }).unwrap();
    let doc = Document::load_mem(&finished).unwrap();
    let info = doc.trailer.get(b"Info").and_then(Object::as_reference).unwrap();
    assert!(doc.get_dictionary(info).unwrap().has(b"Author"));
    assert!(doc.catalog().unwrap().has(b"ViewerPreferences"));
}
