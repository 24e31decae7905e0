//! Values in the forms HSDS asks for: URIs (RFC 3986, ASCII only), e-mail addresses,
//! date-times, and postal addresses split into HSDS's parts when they can be.

use std::borrow::Cow;

/// A URL as an RFC 3986 URI: every byte that may not stand in a URI as it is (non-ASCII
/// letters of a Cyrillic domain or path, spaces, `|`, brackets...) percent-encoded; a `%`
/// that starts no escape becomes `%25`. A URL that is already a URI comes back borrowed.
pub fn uri(url: &str) -> Cow<'_, str> {
    let b = url.as_bytes();
    let fine = |i: usize| -> bool {
        let c = b[i];
        if c == b'%' {
            return b.len() > i + 2 && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit();
        }
        c.is_ascii_alphanumeric() || b"-._~:/?#@!$&'()*+,;=".contains(&c)
    };
    if (0..b.len()).all(fine) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 16);
    for (i, &c) in b.iter().enumerate() {
        if fine(i) {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    Cow::Owned(out)
}

/// The address when it is an e-mail address HSDS's `email` format accepts (ASCII local
/// part and domain, as JSON Schema validators check it); None otherwise (the address is
/// still published in the profile's `contacts_email`).
pub fn email(s: &str) -> Option<&str> {
    let s = s.trim();
    let (local, domain) = s.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&c))
        });
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
        });
    (local_ok && domain_ok).then_some(s)
}

/// An address split into HSDS's required parts.
#[derive(Debug, PartialEq, Eq)]
pub struct AddressParts<'a> {
    pub postal_code: &'a str,
    pub state_province: &'a str,
    pub city: &'a str,
    pub address_1: String,
}

/// Split a Russian postal address written as editors write it
/// (`640000, Курганская область, г. Курган, ул. Гоголя, д. 56`) into HSDS's parts. The
/// region may come from the provider's region when the address leaves it out. None when
/// a required part (postal code, region, city, street) is missing: HSDS requires them all.
pub fn split_address<'a>(raw: &'a str, region: Option<&'a str>) -> Option<AddressParts<'a>> {
    let parts: Vec<&str> = raw
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let postal = parts
        .iter()
        .position(|p| p.len() == 6 && p.bytes().all(|c| c.is_ascii_digit()))?;
    let is_region = |p: &str| {
        [
            "область",
            "край",
            "республика",
            "автономный округ",
            "автономная область",
        ]
        .iter()
        .any(|w| p.to_lowercase().contains(w))
    };
    let state = parts.iter().position(|p| is_region(p));
    let city = parts
        .iter()
        .position(|p| p.starts_with("г. ") || p.starts_with("город "))?;
    let city_name = parts[city]
        .trim_start_matches("г. ")
        .trim_start_matches("город ")
        .trim();
    let state_province = match state {
        Some(i) => parts[i],
        // Moscow, St Petersburg and Sevastopol are regions of their own.
        None => region.unwrap_or(city_name),
    };
    let rest: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != postal && *i != city && Some(*i) != state)
        .map(|(_, p)| *p)
        .collect();
    if rest.is_empty() || city_name.is_empty() {
        return None;
    }
    Some(AddressParts {
        postal_code: parts[postal],
        state_province,
        city: city_name,
        address_1: rest.join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_become_ascii_uris() {
        assert!(matches!(uri("https://sfr.gov.ru/"), Cow::Borrowed(_)));
        assert_eq!(
            uri("https://сайт.рф/a b"),
            "https://%D1%81%D0%B0%D0%B9%D1%82.%D1%80%D1%84/a%20b"
        );
        assert_eq!(uri("https://x.ru/100%"), "https://x.ru/100%25");
        assert_eq!(uri("https://x.ru/a%20b|c"), "https://x.ru/a%20b%7Cc");
    }

    #[test]
    fn emails_in_hsds_format_only() {
        assert_eq!(
            email("info@kcson.example.org"),
            Some("info@kcson.example.org")
        );
        assert_eq!(email(" a.b+c@x.ru "), Some("a.b+c@x.ru"));
        assert_eq!(email("почта@сайт.рф"), None);
        assert_eq!(email("no-at-sign"), None);
        assert_eq!(email("a@localhost"), None);
        assert_eq!(email("a..b@x.ru"), None);
    }

    #[test]
    fn addresses_split_only_when_complete() {
        let a = split_address(
            "640000, Курганская область, г. Курган, ул. Гоголя, д. 56",
            None,
        )
        .unwrap();
        assert_eq!(a.postal_code, "640000");
        assert_eq!(a.state_province, "Курганская область");
        assert_eq!(a.city, "Курган");
        assert_eq!(a.address_1, "ул. Гоголя, д. 56");
        let b = split_address(
            "640000, г. Курган, ул. Ленина, 1",
            Some("Курганская область"),
        )
        .unwrap();
        assert_eq!(b.state_province, "Курганская область");
        // No postal code, or no city: HSDS cannot take it as an address.
        assert_eq!(
            split_address("г. Курган, ул. Тестовая, 1", Some("Курганская область")),
            None
        );
        assert_eq!(
            split_address("640000, ул. Тестовая, 1", Some("Курганская область")),
            None
        );
    }
}
