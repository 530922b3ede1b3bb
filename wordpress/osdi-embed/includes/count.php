<?php
/**
 * The live count beside a widget ("1,234 signatures", and a progress bar toward a goal):
 * plain text in the page, rendered here from the action's total, read with the key and
 * kept a few minutes (includes/api.php). A small script (count/count.js) adds one when
 * the widget on the page succeeds, and the text is announced politely.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether a block's or shortcode's `count` asks for the count: true, "true", "1" or "yes".
 *
 * @param mixed $value The attribute's value.
 * @return bool
 */
function osdi_embed_wants_count( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	return in_array( strtolower( trim( (string) $value ) ), array( 'true', '1', 'yes' ), true );
}

/**
 * A goal: a whole number above zero, written with or without thousands separators; else 0.
 *
 * @param mixed $value The attribute's value.
 * @return int
 */
function osdi_embed_goal( $value ) {
	$digits = preg_replace( '/[\s,.\x{00A0}\x{202F}\']/u', '', (string) $value );
	return preg_match( '/^\d{1,12}$/', $digits ) ? (int) $digits : 0;
}

/**
 * The words after the number, by kind and number, translated with their plural forms.
 *
 * @param string $kind   petition, form or event.
 * @param int    $number The total.
 * @return string
 */
function osdi_embed_count_words( $kind, $number ) {
	switch ( $kind ) {
		case 'form':
			return _n( 'submission', 'submissions', $number, 'osdi-embed' );
		case 'event':
			return _n( 'RSVP', 'RSVPs', $number, 'osdi-embed' );
		default:
			return _n( 'signature', 'signatures', $number, 'osdi-embed' );
	}
}

/**
 * Registers the count's script: in the footer, enqueued only where a count is shown.
 */
function osdi_embed_register_count_script() {
	wp_register_script( 'osdi-embed-count', plugins_url( 'count/count.js', OSDI_EMBED_FILE ), array(), OSDI_EMBED_VERSION, true );
}

/**
 * The count for one widget, and the notice for the post's editors when it cannot be shown.
 *
 * @param string $action The widget's action URL.
 * @param string $kind   The kind given beside it, or ''.
 * @param mixed  $goal   The goal, if any.
 * @return string
 */
function osdi_embed_count( $action, $kind, $goal ) {
	$read = osdi_embed_action_total( $action, $kind );
	if ( is_wp_error( $read ) ) {
		// Never a wrong number: no count, and the reason for those who can edit the post.
		return osdi_embed_notice( array( $read->get_error_message() ) );
	}
	static $counter = 0;
	++$counter;
	$id     = 'osdi-embed-count-' . $counter;
	$total  = $read['total'];
	$kind   = $read['kind'];
	$goal   = osdi_embed_goal( $goal );
	$locale = isset( $GLOBALS['wp_locale'] ) ? $GLOBALS['wp_locale'] : null;
	$comma  = $locale && isset( $locale->number_format['thousands_sep'] ) ? $locale->number_format['thousands_sep'] : ',';

	$html  = '<div class="osdi-embed-count osdi-embed-count--' . esc_attr( $kind ) . '"';
	$html .= ' data-action="' . esc_attr( trim( $action ) ) . '"';
	$html .= ' data-total="' . esc_attr( (string) $total ) . '"';
	$html .= ' data-thousands="' . esc_attr( $comma ) . '"';
	$html .= ' data-one="' . esc_attr( osdi_embed_count_words( $kind, 1 ) ) . '"';
	$html .= ' data-other="' . esc_attr( osdi_embed_count_words( $kind, 2 ) ) . '">';
	$html .= '<p class="osdi-embed-count__total" id="' . esc_attr( $id ) . '" aria-live="polite" aria-atomic="true">';
	$html .= '<span class="osdi-embed-count__number">' . esc_html( number_format_i18n( $total ) ) . '</span> ';
	$html .= '<span class="osdi-embed-count__words">' . esc_html( osdi_embed_count_words( $kind, $total ) ) . '</span></p>';
	if ( $goal > 0 ) {
		/* translators: 1: the goal, a number; 2: signatures, submissions or RSVPs */
		$goal_text = sprintf( __( 'Goal: %1$s %2$s', 'osdi-embed' ), number_format_i18n( $goal ), osdi_embed_count_words( $kind, $goal ) );
		$html     .= '<p class="osdi-embed-count__goal">';
		$html     .= '<progress class="osdi-embed-count__progress" max="' . esc_attr( (string) $goal ) . '" value="' . esc_attr( (string) min( $total, $goal ) ) . '" aria-labelledby="' . esc_attr( $id . '-goal' ) . '" aria-describedby="' . esc_attr( $id ) . '"></progress> ';
		$html     .= '<span class="osdi-embed-count__goal-text" id="' . esc_attr( $id . '-goal' ) . '">' . esc_html( $goal_text ) . '</span></p>';
	}
	$html .= '</div>';
	wp_enqueue_script( 'osdi-embed-count' );
	return $html;
}
