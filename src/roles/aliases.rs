//! The alias table: normalized column names that signal a role. One readable list,
//! extended here when a new client's naming shows up.

use super::{Channel, Role};

/// Lowercase and drop everything but letters and digits: `Year_Birth` → `yearbirth`.
pub(super) fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Exact normalized names for each single-meaning role.
const EXACT: &[(&str, &[&str])] = &[
    (
        "customer_id",
        &[
            "id",
            "customerid",
            "custid",
            "clientid",
            "customerno",
            "customernumber",
            "userid",
            "memberid",
            "accountid",
            "customerkey",
            "clientnumber",
            "customercode",
        ],
    ),
    (
        "birth_year",
        &[
            "yearbirth",
            "birthyear",
            "yearofbirth",
            "yob",
            "birthyr",
            "byear",
            "yearborn",
        ],
    ),
    ("age", &["age", "customerage", "ageyears", "clientage"]),
    (
        "income",
        &[
            "income",
            "annualincome",
            "householdincome",
            "yearlyincome",
            "salary",
            "incomeannual",
            "annualincomek",
            "incomeusd",
            "grossincome",
            "hhincome",
        ],
    ),
    (
        "children",
        &[
            "kidhome",
            "teenhome",
            "kids",
            "children",
            "numchildren",
            "nchildren",
            "teens",
            "childrenathome",
            "dependents",
            "kidsathome",
            "teensathome",
            "childcount",
        ],
    ),
    (
        "join_date",
        &[
            "dtcustomer",
            "joindate",
            "signupdate",
            "customersince",
            "datejoined",
            "registrationdate",
            "enrollmentdate",
            "enrolmentdate",
            "firstpurchasedate",
            "joined",
            "signup",
            "memberssince",
            "membersince",
            "startdate",
        ],
    ),
    (
        "recency",
        &[
            "recency",
            "dayssincelastpurchase",
            "lastpurchasedays",
            "dayssincepurchase",
            "recencydays",
            "daysinactive",
        ],
    ),
    (
        "deal_purchases",
        &[
            "numdealspurchases",
            "dealpurchases",
            "dealspurchases",
            "discountpurchases",
            "numdiscountpurchases",
            "promopurchases",
            "deals",
            "numdeals",
            "purchaseswithdiscount",
        ],
    ),
    (
        "web_visits",
        &[
            "numwebvisitsmonth",
            "webvisits",
            "websitevisits",
            "visitspermonth",
            "webvisitsmonth",
            "sitevisits",
        ],
    ),
    (
        "complaints",
        &[
            "complain",
            "complaints",
            "complaint",
            "complained",
            "numcomplaints",
        ],
    ),
    (
        "categorical",
        &[
            "education",
            "maritalstatus",
            "marital",
            "region",
            "gender",
            "sex",
            "country",
            "city",
            "state",
            "occupation",
            "profession",
            "segment",
            "tier",
            "loyaltytier",
            "province",
            "educationlevel",
            "relationship",
            "householdtype",
        ],
    ),
];

/// Channel words, for `Num<Channel>Purchases`, `<channel>_purchases`, `purchases_<channel>`.
const CHANNEL_WORDS: &[(Channel, &[&str])] = &[
    (
        Channel::Web,
        &["web", "online", "internet", "ecommerce", "website"],
    ),
    (
        Channel::Store,
        &["store", "instore", "shop", "retail", "offline"],
    ),
    (
        Channel::Catalog,
        &["catalog", "catalogue", "mail", "mailorder"],
    ),
    (
        Channel::Other,
        &["phone", "app", "mobile", "other", "telesales"],
    ),
];

/// The channel a value names (`Online`, `Web shop`, `Store 12`, `Mail order`…): the first
/// channel whose word occurs in it; [`Channel::Other`] when none does.
pub fn channel_of_value(value: &str) -> Channel {
    let n = normalize(value);
    [
        Channel::Web,
        Channel::Catalog,
        Channel::Store,
        Channel::Other,
    ]
    .into_iter()
    .find(|ch| {
        CHANNEL_WORDS
            .iter()
            .filter(|(c, _)| c == ch)
            .any(|(_, words)| words.iter().any(|w| n.contains(w)))
    })
    .unwrap_or(Channel::Other)
}

/// The role a name clearly signals, with the reason, or `None`.
pub(super) fn role_from_name(name: &str) -> Option<(Role, String)> {
    let n = normalize(name);
    if n.is_empty() {
        return None;
    }
    for (key, names) in EXACT {
        if names.contains(&n.as_str()) {
            let role = Role::parse(key)?;
            return Some((role, format!("name \"{name}\" is a known alias of {key}")));
        }
    }
    if let Some(r) = campaign(&n) {
        return Some((r, format!("name \"{name}\" reads as a campaign acceptance")));
    }
    if let Some(ch) = purchase_channel(&n) {
        let role = Role::Purchases(ch);
        return Some((
            role.clone(),
            format!("name \"{name}\" reads as {} purchases", ch.key()),
        ));
    }
    if let Some(cat) = spend_category(&n) {
        let label = category_label(&cat);
        return Some((
            Role::Spend(label.clone()),
            format!("name \"{name}\" reads as spend on {label}"),
        ));
    }
    None
}

/// `acceptedcmp3`, `response`, `campaign2accepted`, `cmp1`, `acceptedoffer`…
fn campaign(n: &str) -> Option<Role> {
    let stem = n.trim_end_matches(|c: char| c.is_ascii_digit());
    let numbered = stem.len() < n.len();
    let known = [
        "acceptedcmp",
        "acceptedcampaign",
        "cmp",
        "campaignaccepted",
        "response",
        "lastresponse",
        "respondedcampaign",
        "acceptedoffer",
        "offeraccepted",
    ];
    if known.contains(&stem) || (stem == "campaign" && numbered) {
        return Some(Role::Campaign);
    }
    if n.starts_with("campaign") && (n.ends_with("accepted") || n.ends_with("response")) {
        return Some(Role::Campaign);
    }
    None
}

fn purchase_channel(n: &str) -> Option<Channel> {
    let core = n
        .strip_prefix("num")
        .or_else(|| n.strip_prefix("n"))
        .filter(|rest| rest.contains("purchase"))
        .unwrap_or(n);
    let core = core
        .replace("purchases", "|")
        .replace("purchase", "|")
        .replace("orders", "|")
        .replace("count", "");
    if !core.contains('|') {
        return None;
    }
    let word: String = core.chars().filter(|c| *c != '|').collect();
    CHANNEL_WORDS
        .iter()
        .find(|(_, words)| words.contains(&word.as_str()))
        .map(|(ch, _)| *ch)
}

fn spend_category(n: &str) -> Option<String> {
    if n.contains("score") || n.contains("spendingscore") {
        return None;
    }
    if let Some(rest) = n.strip_prefix("mnt").or_else(|| n.strip_prefix("amount"))
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Some(rest.to_string());
    }
    for suffix in ["spend", "spending", "amount", "sales", "revenue"] {
        if let Some(rest) = n.strip_suffix(suffix)
            && rest.len() >= 3
            && rest.chars().all(|c| c.is_ascii_alphabetic())
        {
            return Some(rest.to_string());
        }
    }
    if let Some(rest) = n
        .strip_prefix("spend")
        .or_else(|| n.strip_prefix("spendon"))
        && rest.len() >= 3
        && rest.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Some(rest.trim_start_matches("on").to_string());
    }
    if matches!(
        n,
        "totalspend"
            | "spend"
            | "monetary"
            | "totalspent"
            | "amountspent"
            | "totalamount"
            | "sales"
            | "revenue"
    ) {
        return Some("total".into());
    }
    None
}

/// `meatproducts` → `Meat`, `goldprods` → `Gold`, `wine` → `Wine`.
fn category_label(raw: &str) -> String {
    let mut s = raw.to_string();
    for suffix in ["products", "product", "prods", "prod"] {
        if s.len() > suffix.len() + 2
            && let Some(rest) = s.strip_suffix(suffix)
        {
            s = rest.to_string();
            break;
        }
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> Option<Role> {
        role_from_name(name).map(|(r, _)| r)
    }

    #[test]
    fn demo_names() {
        assert_eq!(role("ID"), Some(Role::CustomerId));
        assert_eq!(role("Year_Birth"), Some(Role::BirthYear));
        assert_eq!(role("birth_year"), Some(Role::BirthYear));
        assert_eq!(role("yearOfBirth"), Some(Role::BirthYear));
        assert_eq!(role("MntWines"), Some(Role::Spend("Wines".into())));
        assert_eq!(role("wine_spend"), Some(Role::Spend("Wine".into())));
        assert_eq!(role("MntMeatProducts"), Some(Role::Spend("Meat".into())));
        assert_eq!(role("MntGoldProds"), Some(Role::Spend("Gold".into())));
        assert_eq!(role("NumWebPurchases"), Some(Role::Purchases(Channel::Web)));
        assert_eq!(
            role("store_purchases"),
            Some(Role::Purchases(Channel::Store))
        );
        assert_eq!(
            role("NumCatalogPurchases"),
            Some(Role::Purchases(Channel::Catalog))
        );
        assert_eq!(role("NumDealsPurchases"), Some(Role::DealPurchases));
        assert_eq!(role("AcceptedCmp3"), Some(Role::Campaign));
        assert_eq!(role("Response"), Some(Role::Campaign));
        assert_eq!(role("Dt_Customer"), Some(Role::JoinDate));
        assert_eq!(role("Marital_Status"), Some(Role::Categorical));
        assert_eq!(role("Spending Score (1-100)"), None);
        assert_eq!(role("Z_Revenue"), None);
    }
}
