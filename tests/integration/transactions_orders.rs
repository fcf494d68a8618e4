//! A shop hands over its order lines instead of a customer table: the lines are cleaned
//! (no customer, zero price, exact duplicates, cancellations) and aggregated to customers
//! whose recency, frequency and spend were worked out by hand.

use sis::ingest::{LoadOptions, load_bytes};
use sis::roles::{DatasetKind, Role, detect_dataset};
use sis::table::{ColumnData, RawTable};
use sis::transactions::{CleaningAction, prepare_customers};
use sis::validate::QualityAction;

/// Online-retail style lines, last date 2011-12-09. By hand:
/// - 12347: orders 536001 (A 2×3 + B 1×10) on 12-01 and 536050 (A 1×3) on 12-05; C536060
///   returns one A on 12-06 (matched). Spend 6 + 10 + 3 − 3 = 16, recency 4, tenure 8.
/// - 12348: 536002 (C 10×0.5) on 11-20, written twice (one exact duplicate), 536100 (D 20) on
///   12-09; C536101 cancels an E never bought (unmatched, dropped). Spend 25, recency 0.
/// - 12349: a free line (price 0, dropped) and 536004 (B 3×10) on 12-02. Spend 30, recency 7.
/// - 12350: only a cancellation (dropped with its customer).
/// - two lines without a customer: 12 + 10 of the 101 of sales.
const LINES: &str = "\
InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536001,A,WHITE MUG,2,12/1/2011 8:26,3.00,12347,United Kingdom
536001,B,RED LAMP,1,12/1/2011 8:26,10.00,12347,United Kingdom
536002,C,PAPER CUPS,10,11/20/2011 9:00,0.50,12348,France
536002,C,PAPER CUPS,10,11/20/2011 9:00,0.50,12348,France
536003,A,WHITE MUG,1,12/2/2011 10:15,0.00,12349,United Kingdom
536004,B,RED LAMP,3,12/2/2011 10:16,10.00,12349,United Kingdom
536005,A,WHITE MUG,4,12/3/2011 11:00,3.00,,United Kingdom
536006,B,RED LAMP,1,12/4/2011 12:00,10.00,,United Kingdom
536050,A,WHITE MUG,1,12/5/2011 13:30,3.00,12347,United Kingdom
C536060,A,WHITE MUG,-1,12/6/2011 14:00,3.00,12347,United Kingdom
536100,D,BLUE VASE,1,12/9/2011 15:00,20.00,12348,France
C536101,E,GREEN BOWL,-1,12/9/2011 15:30,7.00,12348,France
C536200,F,TEA SET,-2,12/8/2011 16:00,1.00,12350,United Kingdom
";

/// The same lines with other names, a semicolon and ISO timestamps.
const RENAMED: &str = "\
Invoice Number;SKU;Qty;Order Date;Price;Client ID;Country Code
536001;A;2;2011-12-01 08:26:00;3.00;12347;United Kingdom
536001;B;1;2011-12-01 08:26:00;10.00;12347;United Kingdom
536002;C;10;2011-11-20 09:00:00;0.50;12348;France
536002;C;10;2011-11-20 09:00:00;0.50;12348;France
536003;A;1;2011-12-02 10:15:00;0.00;12349;United Kingdom
536004;B;3;2011-12-02 10:16:00;10.00;12349;United Kingdom
536005;A;4;2011-12-03 11:00:00;3.00;;United Kingdom
536006;B;1;2011-12-04 12:00:00;10.00;;United Kingdom
536050;A;1;2011-12-05 13:30:00;3.00;12347;United Kingdom
C536060;A;-1;2011-12-06 14:00:00;3.00;12347;United Kingdom
536100;D;1;2011-12-09 15:00:00;20.00;12348;France
C536101;E;-1;2011-12-09 15:30:00;7.00;12348;France
C536200;F;-2;2011-12-08 16:00:00;1.00;12350;United Kingdom
";

fn load(text: &str, name: &str) -> RawTable {
    load_bytes(text.as_bytes(), name, &LoadOptions::default()).expect("loads")
}

fn numbers<'a>(table: &'a RawTable, name: &str) -> &'a [f64] {
    match &table.column(name).expect(name).data {
        ColumnData::Numeric(v) => v,
        other => panic!("{name} is {}", other.type_name()),
    }
}

fn steps(actions: &[QualityAction]) -> Vec<&CleaningAction> {
    actions
        .iter()
        .filter_map(|a| match a {
            QualityAction::Transactions(step) => Some(step),
            _ => None,
        })
        .collect()
}

#[test]
fn order_lines_are_detected_with_their_roles() {
    let table = load(LINES, "online_retail.csv");
    let d = detect_dataset(&table);
    assert_eq!(d.kind, DatasetKind::Transactions);
    let m = &d.mapping;
    assert_eq!(m.role_of("InvoiceNo"), Role::OrderId);
    assert_eq!(m.role_of("StockCode"), Role::Product);
    assert_eq!(m.role_of("Quantity"), Role::Quantity);
    assert_eq!(m.role_of("InvoiceDate"), Role::Timestamp);
    assert_eq!(m.role_of("UnitPrice"), Role::UnitPrice);
    assert_eq!(m.role_of("CustomerID"), Role::CustomerId);
    assert_eq!(m.role_of("Country"), Role::Country);
    assert_eq!(m.role_of("Description"), Role::Ignore);
}

#[test]
fn hand_checked_recency_frequency_and_spend() {
    let table = load(LINES, "online_retail.csv");
    let d = detect_dataset(&table);
    let prepared = prepare_customers(&table, &d.mapping).expect("aggregates");
    assert_eq!(prepared.kind, DatasetKind::Transactions);
    let customers = prepared.table.as_ref();
    let ids = customers.column("CustomerID").expect("id column");
    let ids: Vec<&str> = (0..3).filter_map(|i| ids.data.text(i)).collect();
    assert_eq!(ids, ["12347", "12348", "12349"]);
    assert_eq!(numbers(customers, "Recency"), [4.0, 0.0, 7.0]);
    assert_eq!(numbers(customers, "Orders"), [2.0, 2.0, 1.0]);
    assert_eq!(numbers(customers, "Monetary"), [16.0, 25.0, 30.0]);
    assert_eq!(numbers(customers, "Avg_Order_Value"), [8.0, 12.5, 30.0]);
    assert_eq!(numbers(customers, "Tenure_Days"), [8.0, 19.0, 7.0]);
    assert_eq!(numbers(customers, "Distinct_Products"), [2.0, 2.0, 1.0]);
    assert_eq!(numbers(customers, "Return_Rate"), [0.25, 0.0, 0.0]);
    let gaps = numbers(customers, "Mean_Interpurchase_Days");
    assert_eq!(&gaps[..2], [4.0, 19.0]);
    assert!(gaps[2].is_nan(), "one order: no gap");
    let country = &customers.column("Country").expect("country").data;
    assert_eq!(country.text(1), Some("France"));
    assert_eq!(prepared.mapping.role_of("Recency"), Role::Recency);
    assert_eq!(
        prepared.mapping.role_of("Monetary"),
        Role::Spend("Total".into())
    );
    assert_eq!(prepared.mapping.role_of("Country"), Role::Categorical);

    let steps = steps(&prepared.actions);
    let CleaningAction::DroppedLinesWithoutCustomer {
        count,
        revenue_share,
        ..
    } = steps[0]
    else {
        panic!("first step: {:?}", steps[0]);
    };
    assert_eq!(*count, 2);
    assert!(
        (revenue_share - 22.0 / 101.0).abs() < 1e-12,
        "{revenue_share}"
    );
    assert!(steps.contains(&&CleaningAction::DroppedNonPositivePrices {
        column: "UnitPrice".into(),
        count: 1
    }));
    assert!(steps.contains(&&CleaningAction::DroppedDuplicateLines { count: 1 }));
    assert!(steps.contains(&&CleaningAction::Cancellations {
        matched: 1,
        unmatched: 2
    }));
    assert!(steps.contains(&&CleaningAction::DroppedCustomersWithoutPurchase { count: 1 }));
    assert!(steps.contains(&&CleaningAction::Aggregated {
        lines: 7,
        orders: 5,
        customers: 3,
        last_day: "2011-12-09".into()
    }));
    assert_eq!(
        steps[0].describe(),
        "2 order lines without a customer id in \"CustomerID\" dropped (21.8% of sales)"
    );
}

#[test]
fn renamed_semicolon_variant_gives_identical_customers() {
    let a = load(LINES, "online_retail.csv");
    let b = load(RENAMED, "renamed.csv");
    let (da, db) = (detect_dataset(&a), detect_dataset(&b));
    assert_eq!(db.kind, DatasetKind::Transactions);
    let pa = prepare_customers(&a, &da.mapping).expect("aggregates");
    let pb = prepare_customers(&b, &db.mapping).expect("aggregates");
    let (ta, tb) = (pa.table.as_ref(), pb.table.as_ref());
    assert_eq!(ta.columns.len(), tb.columns.len());
    for (ca, cb) in ta.columns.iter().zip(&tb.columns).skip(1) {
        assert_eq!(ca.name, cb.name);
        match (&ca.data, &cb.data) {
            (ColumnData::Numeric(x), ColumnData::Numeric(y)) => {
                let same = x
                    .iter()
                    .zip(y)
                    .all(|(p, q)| p == q || (p.is_nan() && q.is_nan()));
                assert!(same, "{}: {x:?} vs {y:?}", ca.name);
            }
            (x, y) => assert_eq!(x, y, "{}", ca.name),
        }
    }
    assert_eq!(ta.columns[0].data, tb.columns[0].data, "same ids");
}
