//! Binary files for the hostile corpus: a real Parquet file (to truncate), a two-sheet XLSX
//! workbook, and a zip archive that is not a workbook.

use polars::prelude::*;

/// A small Parquet file: `id` (Int64, ids beyond 2^53 when `long_ids`), `income`, `spend`.
pub(crate) fn parquet_file(rows: usize, long_ids: bool) -> Vec<u8> {
    let base: i64 = if long_ids { 9_007_199_254_740_993 } else { 1 };
    let ids: Vec<i64> = (0..rows as i64).map(|i| base + 2 * i).collect();
    let income: Vec<f64> = (0..rows)
        .map(|i| 20_000.0 + (i * 977 % 50_000) as f64)
        .collect();
    let spend: Vec<f64> = (0..rows).map(|i| (i * 37 % 900) as f64).collect();
    let recency: Vec<f64> = (0..rows).map(|i| (i * 13 % 99) as f64).collect();
    let mut df = DataFrame::new(
        rows,
        vec![
            Column::new("customer_id".into(), ids),
            Column::new("Income".into(), income),
            Column::new("MntWines".into(), spend),
            Column::new("Recency".into(), recency),
        ],
    )
    .expect("a frame");
    let mut buf = Vec::new();
    ParquetWriter::new(&mut buf)
        .finish(&mut df)
        .expect("parquet written");
    buf
}

/// A workbook whose first sheet ("Notes") is empty and whose second ("Data") holds
/// `header` and `rows`.
pub(crate) fn two_sheet_xlsx(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Notes").expect("named");
    let sheet = book.add_worksheet();
    sheet.set_name("Data").expect("named");
    for (j, h) in header.iter().enumerate() {
        sheet.write_string(0, j as u16, h).expect("header");
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            let r = i as u32 + 1;
            match v.parse::<f64>() {
                Ok(x) => sheet.write_number(r, j as u16, x).expect("number"),
                Err(_) => sheet.write_string(r, j as u16, v).expect("text"),
            };
        }
    }
    book.save_to_buffer().expect("workbook")
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid zip archive (one stored file, `notes.txt`) that is not a workbook.
pub(crate) fn zip_of_text() -> Vec<u8> {
    let name = b"notes.txt";
    let data = b"this archive holds no spreadsheet\n";
    let crc = crc32(data);
    let mut out = Vec::new();
    let le16 = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_le_bytes());
    let le32 = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    le32(&mut out, 0x0403_4b50);
    for v in [20u16, 0, 0, 0, 0] {
        le16(&mut out, v);
    }
    le32(&mut out, crc);
    le32(&mut out, data.len() as u32);
    le32(&mut out, data.len() as u32);
    le16(&mut out, name.len() as u16);
    le16(&mut out, 0);
    out.extend_from_slice(name);
    out.extend_from_slice(data);
    let central = out.len() as u32;
    le32(&mut out, 0x0201_4b50);
    for v in [20u16, 20, 0, 0, 0, 0] {
        le16(&mut out, v);
    }
    le32(&mut out, crc);
    le32(&mut out, data.len() as u32);
    le32(&mut out, data.len() as u32);
    le16(&mut out, name.len() as u16);
    for v in [0u16, 0, 0, 0] {
        le16(&mut out, v);
    }
    le32(&mut out, 0);
    le32(&mut out, 0);
    out.extend_from_slice(name);
    let size = out.len() as u32 - central;
    le32(&mut out, 0x0605_4b50);
    for v in [0u16, 0, 1, 1] {
        le16(&mut out, v);
    }
    le32(&mut out, size);
    le32(&mut out, central);
    le16(&mut out, 0);
    out
}
