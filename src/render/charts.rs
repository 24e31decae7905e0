//! Charts drawn as SVG at build time (no script): readable without JavaScript, printable,
//! and each paired in the page with a table of the same numbers for screen readers.

use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Vertical bars: how many records fall in each score band (0–9, …, 90–100). `axis`
/// names the scores under the bands (`оценка, баллов из 100`).
pub fn histogram(title: &str, axis: &str, bands: &[usize; 10]) -> String {
    let (w, h, left, bottom, top) = (480.0, 220.0, 36.0, 36.0, 16.0);
    let max = *bands.iter().max().unwrap_or(&0);
    let scale = if max == 0 {
        0.0
    } else {
        (h - bottom - top) / max as f64
    };
    let slot = (w - left) / 10.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(title)
    );
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{y}" x2="{w}" y2="{y}" stroke="#5a5a5a"/>"##,
        y = h - bottom
    );
    for (i, &n) in bands.iter().enumerate() {
        let x = left + slot * i as f64;
        let bh = n as f64 * scale;
        let y = h - bottom - bh;
        let _ = write!(
            s,
            r##"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{bh:.1}" fill="#1f5f99"/>"##,
            x + 4.0,
            slot - 8.0
        );
        if n > 0 {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12" fill="#1a1a1a">{n}</text>"##,
                x + slot / 2.0,
                y - 4.0
            );
        }
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#1a1a1a">{}</text>"##,
            x + slot / 2.0,
            h - bottom + 16.0,
            band_label(i)
        );
    }
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#1a1a1a">{}</text></svg>"##,
        left + (w - left) / 2.0,
        h - 4.0,
        esc(axis)
    );
    s
}

/// The label of a score band.
pub fn band_label(i: usize) -> String {
    if i == 9 {
        "90–100".to_string()
    } else {
        format!("{}–{}", i * 10, i * 10 + 9)
    }
}

/// Horizontal bars: a mean score (0–100) per group, with a mark at the threshold and its
/// label (`порог 60`).
pub fn bars(title: &str, rows: &[(String, u32)], threshold: u32, threshold_label: &str) -> String {
    let (w, row_h, label_w, top) = (660.0, 26.0, 300.0, 8.0);
    let h = top * 2.0 + row_h * rows.len() as f64 + 20.0;
    let plot = w - label_w - 40.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(title)
    );
    for (i, (label, v)) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let short: String = if label.chars().count() > 36 {
            label.chars().take(35).collect::<String>() + "…"
        } else {
            label.clone()
        };
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="12" fill="#1a1a1a">{}</text>"##,
            label_w - 8.0,
            y + row_h / 2.0 + 4.0,
            esc(&short)
        );
        let bw = plot * f64::from(*v) / 100.0;
        let fill = if *v < threshold { "#a33a00" } else { "#1f5f99" };
        let _ = write!(
            s,
            r##"<rect x="{label_w}" y="{:.1}" width="{bw:.1}" height="{:.1}" fill="{fill}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#1a1a1a">{v}</text>"##,
            y + 4.0,
            row_h - 8.0,
            label_w + bw + 4.0,
            y + row_h / 2.0 + 4.0
        );
    }
    let tx = label_w + plot * f64::from(threshold) / 100.0;
    let bottom = top + row_h * rows.len() as f64;
    let _ = write!(
        s,
        r##"<line x1="{tx:.1}" y1="{top}" x2="{tx:.1}" y2="{bottom:.1}" stroke="#1a1a1a" stroke-dasharray="4 3"/><text x="{tx:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#1a1a1a">{}</text></svg>"##,
        bottom + 16.0,
        esc(threshold_label)
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_draws_a_bar_per_band_scaled_to_the_largest() {
        let svg = histogram(
            "Оценки",
            "баллы & <проценты>",
            &[0, 0, 0, 0, 0, 1, 0, 0, 2, 4],
        );
        assert_eq!(svg.matches("<rect").count(), 10);
        // The largest band reaches the top margin; an empty band has no height.
        assert!(
            svg.contains(r#"y="16.0" width="36.4" height="168.0""#),
            "{svg}"
        );
        assert!(svg.contains(r#"height="0.0""#));
        assert!(svg.contains(">90–100<"));
        assert!(
            svg.contains(">баллы &amp; &lt;проценты&gt;</text></svg>"),
            "{svg}"
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn bars_mark_groups_under_the_threshold_and_escape_labels() {
        let rows = vec![("Семья & дети".to_string(), 90), ("<b>".to_string(), 40)];
        let svg = bars("По категориям", &rows, 60, "порог 60");
        assert!(svg.contains("Семья &amp; дети"));
        assert!(svg.contains("&lt;b&gt;"));
        assert_eq!(svg.matches("#a33a00").count(), 1);
        assert!(svg.contains("порог 60"));
    }
}
