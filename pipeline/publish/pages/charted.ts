/** The months the site's charts of complaints show: the 24 months to the latest complete one ($month). */
export const CHARTED_MONTHS = "month <= $month and month > strftime(($month || '-01')::date - interval 24 month, '%Y-%m')";
