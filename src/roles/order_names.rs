//! The alias table of order-line roles: normalized column names of transaction exports
//! (`InvoiceNo`, `StockCode`, `Quantity`, `UnitPrice`, `InvoiceDate`…). Consulted only once a
//! table's customer ids repeat, so a customer table's `Country` stays a category.

use super::Role;
use super::aliases::normalize;

/// Exact normalized names for each order-line role.
const ORDER_NAMES: &[(Role, &[&str])] = &[
    (
        Role::OrderId,
        &[
            "invoiceno",
            "invoice",
            "invoiceid",
            "invoicenumber",
            "orderid",
            "orderno",
            "ordernumber",
            "order",
            "transactionid",
            "transactionno",
            "transaction",
            "receiptid",
            "receiptno",
            "receipt",
            "basketid",
            "ticketid",
            "txnid",
            "salesorder",
            "billno",
        ],
    ),
    (
        Role::Timestamp,
        &[
            "invoicedate",
            "orderdate",
            "transactiondate",
            "date",
            "datetime",
            "timestamp",
            "purchasedate",
            "saledate",
            "salesdate",
            "orderdatetime",
            "txndate",
            "createdat",
            "orderedat",
            "orderday",
            "purchaseday",
        ],
    ),
    (
        Role::Quantity,
        &[
            "quantity",
            "qty",
            "units",
            "unitssold",
            "quantityordered",
            "numcds",
            "ncds",
            "items",
            "numitems",
            "pieces",
        ],
    ),
    (
        Role::UnitPrice,
        &[
            "unitprice",
            "price",
            "priceeach",
            "itemprice",
            "priceperunit",
            "sellingprice",
            "saleprice",
            "unitcost",
        ],
    ),
    (
        Role::LineAmount,
        &[
            "amount",
            "lineamount",
            "linetotal",
            "total",
            "sales",
            "revenue",
            "value",
            "ordervalue",
            "totalprice",
            "netamount",
            "extendedprice",
            "dollarvalue",
            "dollars",
            "linevalue",
            "saleamount",
        ],
    ),
    (
        Role::Product,
        &[
            "stockcode",
            "productid",
            "sku",
            "product",
            "item",
            "itemid",
            "productcode",
            "articleno",
            "article",
            "itemcode",
            "productno",
        ],
    ),
    (
        Role::ProductCategory,
        &[
            "category",
            "productcategory",
            "department",
            "productline",
            "categoryname",
            "productgroup",
            "productfamily",
        ],
    ),
    (
        Role::SalesChannel,
        &[
            "channel",
            "saleschannel",
            "store",
            "storeid",
            "shop",
            "storename",
            "outlet",
            "channelname",
            "platform",
            "storeno",
        ],
    ),
    (
        Role::Country,
        &["country", "countrycode", "nation", "market"],
    ),
    (
        Role::DiscountFlag,
        &[
            "discount",
            "discounted",
            "discountflag",
            "promo",
            "promotion",
            "promoflag",
            "ondeal",
            "deal",
            "couponused",
            "isdiscounted",
            "ispromo",
            "onpromotion",
        ],
    ),
];

/// The order-line role a column name signals, if any.
pub(super) fn order_role_from_name(name: &str) -> Option<Role> {
    let n = normalize(name);
    ORDER_NAMES
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(role, _)| role.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn online_retail_names() {
        let role = order_role_from_name;
        assert_eq!(role("InvoiceNo"), Some(Role::OrderId));
        assert_eq!(role("StockCode"), Some(Role::Product));
        assert_eq!(role("Quantity"), Some(Role::Quantity));
        assert_eq!(role("InvoiceDate"), Some(Role::Timestamp));
        assert_eq!(role("UnitPrice"), Some(Role::UnitPrice));
        assert_eq!(role("Country"), Some(Role::Country));
        assert_eq!(role("Description"), None);
        assert_eq!(role("Spend"), None);
    }
}
