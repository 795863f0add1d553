namespace CampaignDsl.Bench.Corpus;

/// <summary>
/// The words generated campaigns are made of, after the examples and docs/language.md: campaign
/// types with their usual stages, senders, subject lines and audience conditions. Every condition
/// here is valid on its own; <c>{n}</c> marks a number the generator varies.
/// </summary>
internal static class CampaignVocabulary
{
    public static readonly (string Type, string[] Stages, string[] Titles)[] Types =
    [
        ("reengagement", ["recognition", "value_reminder", "incentive", "preference_update", "last_chance", "farewell"],
            ["We miss you", "Come back to us", "Quiet subscribers", "Still there?"]),
        ("winback", ["ask_style", "style_reminder", "style_picks", "new_in_style", "exit_survey", "door_open"],
            ["Win back drifting customers", "Lapsed buyers", "Spring win-back", "VIP win-back"]),
        ("welcome", ["hello", "tips", "first_order_nudge", "interests", "app_download", "community"],
            ["Welcome new subscribers", "Welcome from the app", "First steps", "Hello and thanks"]),
        ("appreciation", ["thank_you", "birthday_gift", "anniversary", "loyalty_reward", "vip_preview", "surprise"],
            ["Birthday treat", "One year together", "Tenth order thank-you", "Christmas thanks"]),
        ("retention", ["apology", "check_in", "service_offer", "feedback", "follow_up", "extra_care"],
            ["Customers at risk", "After a complaint", "Unhappy reviewers", "Newsletter leavers"]),
        ("post_purchase", ["order_thanks", "product_tips", "satisfaction_check", "review_request", "replenishment", "cross_sell"],
            ["After the first order", "Review request", "Refill reminder", "Getting started with your order"]),
        ("nurture", ["welcome_back", "best_sellers", "how_to", "community_invite", "loyalty_intro", "keep_in_touch"],
            ["Keep them close", "Sixty days after coming back", "Returning customers", "Second chance nurture"]),
        ("custom", ["intro", "reminder", "offer", "follow_up", "last_call", "wrap_up"],
            ["Summer sale teaser", "Store opening", "Survey invitation", "Catalogue launch"]),
    ];

    public static readonly (string Brand, string Domain, string Person)[] Senders =
    [
        ("Shop", "shop.example", "Anna"),
        ("The Stone", "thestone.example", "Mark"),
        ("Bloom & Co", "bloom.example", "Sofia"),
        ("Northwind", "northwind.example", "Lars"),
        ("Fietsplaats", "fietsplaats.example", "Joost"),
        ("Papier Maché", "papiermache.example", "Claire"),
        ("Kettle", "kettle.example", "Priya"),
        ("Outdoor Co.", "outdoor.example", "Tom"),
    ];

    public static readonly string[] TimeZones =
        ["Europe/Amsterdam", "Europe/Berlin", "Europe/London", "America/New_York", "America/Chicago", "Asia/Tokyo", "Australia/Sydney", "UTC"];

    public static readonly string[] Tags =
        ["email", "sms", "rfm", "q4", "spring", "vip", "app", "b2c", "loyalty", "test"];

    public static readonly string[] Subjects =
    [
        "We noticed you've been away",
        "Where have you been, {{first_name}}?",
        "Here's what you missed",
        "20% off, just for you - 72 hours only",
        "Tell us what you'd like to hear about",
        "Is this goodbye?",
        "Trendy or chic, {{first_name}}? Tell us your style",
        "Still curious what suits you?",
        "Picked for your style",
        "New in: your style, just arrived",
        "Welcome, {{first_name}}!",
        "3 ways to get more out of your account",
        "Your first order ships free",
        "Happy birthday, {{first_name}} - a gift inside",
        "One year together: thank you",
        "We're sorry, {{first_name}}",
        "Did we make it right?",
        "How did we do, {{first_name}}?",
        "One question about your last order",
        "Running low? Reorder in one click",
        "You might also like these",
        "Your \\\"VIP\\\" preview starts now",
        "Last chance: your offer ends tonight",
        "A little something, because you're you",
        "Can we make it right?",
        "It's been a while",
        "We kept something for you",
        "Back in stock: the one you loved",
        "Your feedback shapes our next collection",
        "Don't miss out, {{first_name}}",
    ];

    /// <summary>Yes/no conditions over one contact; any subset joined with <c>and</c> is valid.</summary>
    public static readonly string[] Conditions =
    [
        "count(purchase) >= {n:1:3}",
        "count(purchase in {n:30:365}d) == 0",
        "days_since(last purchase) > {n:60:720}",
        "days_since(last email.open) between {n:20:40} and {n:90:180}",
        "days_since(last login) > {n:30:60}",
        "hours_since(last app.open) > {n:48:240}",
        "sum(purchase.amount) >= {n:100:1000}",
        "avg(review.rating in 180d) < 3",
        "count(complaint in {n:30:90}d) > 0",
        "country in [\"NL\", \"BE\"]",
        "city not in [\"Paris\", \"Lyon\"]",
        "signup_channel == \"app\"",
        "days_since(created_at) <= {n:1:14}",
        "contains(email, \"@gmail.\")",
        "lower(city) == \"amsterdam\"",
        "not (locale == \"fr\")",
        "last purchase > last email.open",
        "last purchase - first(purchase) < {n:14:60}d",
        "max(purchase.quantity) >= {n:5:20}",
        "count(cart.add in 7d) > 0 and count(purchase in 7d) == 0",
        "(count(purchase in 365d) >= 2 or sum(purchase.amount) > 250.5)",
        "created_at + 2w > last purchase",
        "count(email.unsubscribe) == 0",
        "days_since(first(purchase)) > {n:365:1000}",
    ];

    /// <summary>Named conditions; the audience may use the name like a yes/no attribute.</summary>
    public static readonly (string Name, string Condition)[] Segments =
    [
        ("high_value", "sum(purchase.amount) >= {n:300:900}"),
        ("repeat_buyer", "count(purchase) >= 3"),
        ("former_buyers", "count(purchase) >= 1"),
        ("lapsed", "days_since(last purchase) > {n:90:365}"),
        ("was_loyal", "count(purchase) >= 3 and count(purchase in 365d) == 0"),
        ("big_spender", "sum(purchase.amount in 104w) >= 1000"),
        ("unhappy", "avg(review.rating in 180d) < 3 or count(complaint in 90d) > 0"),
        ("cart_abandoner", "hours_since(last cart.add) >= 24 and count(purchase in 7d) == 0"),
        ("gmail", "contains(email, \"@gmail.\")"),
        ("benelux", "country in [\"NL\", \"BE\", \"LU\"]"),
        ("quick_second_order", "last purchase - first(purchase) < 30d"),
        ("app_user", "count(app.open in 30d) > 0"),
    ];

    /// <summary>Waits between stages, as written after <c>after</c>.</summary>
    public static readonly string[] Waits =
        ["3d", "5d..7d", "7d..10d", "10d..14d", "36h..2d", "2w", "48h", "1w..10d", "3d..4d", "72h", "4d..6d", "30m..2h"];

    public static readonly string[] Comments =
    [
        "Timing follows the benchmark: 5-7 days, then 7-10 days, then 10-14 days.",
        "Ask before you sell: the first mail asks for a preference.",
        "Segmented campaigns beat generic ones; high-value contacts get a premium track.",
        "A named sender beats a brand sender.",
        "Owned by the CRM team; changes go through a pull request.",
        "Email plus SMS reactivates more contacts in retail.",
        "Keep the whole sequence between four and six weeks.",
        "Questions in subject lines lift opens.",
    ];
}
