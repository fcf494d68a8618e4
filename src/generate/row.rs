//! Writes customers as CSV rows in the demo dataset's exact dialect: comma-separated, dates as
//! `YYYY-MM-DD`, income with one decimal (`58138.0`), a missing income as an empty field.

use super::archetype::{EDUCATION, MARITAL};
use super::customer::Customer;

/// The demo dataset's header line, without the line ending.
pub const HEADER: &str = "ID,Year_Birth,Education,Marital_Status,Income,Kidhome,Teenhome,\
Dt_Customer,Recency,MntWines,MntFruits,MntMeatProducts,MntFishProducts,MntSweetProducts,\
MntGoldProds,NumDealsPurchases,NumWebPurchases,NumCatalogPurchases,NumStorePurchases,\
NumWebVisitsMonth,AcceptedCmp3,AcceptedCmp4,AcceptedCmp5,AcceptedCmp1,AcceptedCmp2,Complain,\
Z_CostContact,Z_Revenue,Response";

/// First and last join dates of the demo dataset.
const FIRST_JOIN: (i64, u32, u32) = (2012, 7, 30);
const LAST_JOIN: (i64, u32, u32) = (2014, 6, 29);

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Formats CSV rows; holds the join dates pre-rendered.
pub(super) struct RowWriter {
    join_dates: Vec<[u8; 10]>,
}

impl RowWriter {
    pub(super) fn new() -> Self {
        let first = days_from_civil(FIRST_JOIN.0, FIRST_JOIN.1, FIRST_JOIN.2);
        let last = days_from_civil(LAST_JOIN.0, LAST_JOIN.1, LAST_JOIN.2);
        let join_dates = (first..=last)
            .map(|d| {
                let (y, m, day) = civil_from_days(d);
                let mut text = [0u8; 10];
                let mut digits = Vec::with_capacity(10);
                push_u64(&mut digits, y as u64);
                digits.push(b'-');
                push_two(&mut digits, m);
                digits.push(b'-');
                push_two(&mut digits, day);
                text.copy_from_slice(&digits);
                text
            })
            .collect();
        Self { join_dates }
    }

    /// Number of possible join dates.
    pub(super) fn join_days(&self) -> usize {
        self.join_dates.len()
    }

    /// Appends the ID and the separator after it.
    pub(super) fn push_id(&self, out: &mut Vec<u8>, id: u64) {
        push_u64(out, id);
        out.push(b',');
    }

    /// Appends everything after the ID, including the line ending.
    pub(super) fn push_rest(&self, out: &mut Vec<u8>, c: &Customer) {
        push_u64(out, u64::from(c.year_birth));
        out.push(b',');
        out.extend_from_slice(EDUCATION[c.education].as_bytes());
        out.push(b',');
        out.extend_from_slice(MARITAL[c.marital].as_bytes());
        out.push(b',');
        if let Some(income) = c.income {
            push_u64(out, u64::from(income));
            out.extend_from_slice(b".0");
        }
        out.push(b',');
        push_fields(out, &[c.kidhome, c.teenhome]);
        out.extend_from_slice(&self.join_dates[c.joined.min(self.join_dates.len() - 1)]);
        out.push(b',');
        push_fields(out, &[c.recency]);
        push_fields(out, &c.spend);
        push_fields(out, &[c.deals, c.web, c.catalog, c.store, c.web_visits]);
        let [cmp1, cmp2, cmp3, cmp4, cmp5] = c.accepted;
        for flag in [cmp3, cmp4, cmp5, cmp1, cmp2, c.complain] {
            out.push(if flag { b'1' } else { b'0' });
            out.push(b',');
        }
        out.extend_from_slice(b"3,11,");
        out.push(if c.response { b'1' } else { b'0' });
        out.push(b'\n');
    }
}

/// Appends each value followed by a comma.
fn push_fields(out: &mut Vec<u8>, values: &[u32]) {
    for &v in values {
        push_u64(out, u64::from(v));
        out.push(b',');
    }
}

fn push_two(out: &mut Vec<u8>, v: u32) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

/// Appends the decimal digits of `v`.
fn push_u64(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_like() -> Customer {
        Customer {
            year_birth: 1957,
            education: 0,
            marital: 2,
            income: Some(58_138),
            kidhome: 0,
            teenhome: 0,
            joined: 36,
            recency: 58,
            spend: [635, 88, 546, 172, 88, 88],
            deals: 3,
            web: 8,
            catalog: 10,
            store: 4,
            web_visits: 7,
            accepted: [false; 5],
            complain: false,
            response: true,
        }
    }

    #[test]
    fn formats_the_first_demo_row_byte_for_byte() {
        let writer = RowWriter::new();
        let mut out = Vec::new();
        writer.push_id(&mut out, 5524);
        writer.push_rest(&mut out, &demo_like());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "5524,1957,Graduation,Single,58138.0,0,0,2012-09-04,58,635,88,546,172,88,88,\
             3,8,10,4,7,0,0,0,0,0,0,3,11,1\n"
        );
    }

    #[test]
    fn missing_income_is_an_empty_field_and_campaigns_keep_the_demo_order() {
        let writer = RowWriter::new();
        let mut c = demo_like();
        c.income = None;
        c.accepted = [true, false, false, false, false];
        let mut out = Vec::new();
        writer.push_rest(&mut out, &c);
        let text = String::from_utf8_lossy(&out).into_owned();
        let fields: Vec<&str> = text.trim_end().split(',').collect();
        assert_eq!(fields.len(), 28);
        assert_eq!(fields[3], "");
        assert_eq!(&fields[19..24], &["0", "0", "0", "1", "0"]);
    }

    #[test]
    fn join_dates_span_the_demo_range() {
        let writer = RowWriter::new();
        assert_eq!(writer.join_days(), 700);
        assert_eq!(&writer.join_dates[0], b"2012-07-30");
        assert_eq!(&writer.join_dates[699], b"2014-06-29");
        assert!(writer.join_dates.iter().any(|d| d == b"2013-02-28"));
        assert!(!writer.join_dates.iter().any(|d| d == b"2013-02-29"));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
    }

    #[test]
    fn header_has_the_29_demo_columns() {
        assert_eq!(HEADER.split(',').count(), 29);
        assert!(HEADER.starts_with("ID,Year_Birth,"));
        assert!(HEADER.ends_with(",Z_CostContact,Z_Revenue,Response"));
    }
}
