<?php
/**
 * The widget's container, as the shortcode and the block render it.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

/**
 * Names of the shortcode and the block that are not data-osdi-* attributes:
 * the fallback link's words and address, and the count beside the widget with its goal.
 *
 * @return string[]
 */
function osdi_embed_own_names() {
	return array( 'fallback', 'fallback_href', 'count', 'goal' );
}

/**
 * Entities decoded, as an organizer's editor may have written them (`&#91;`, `&quot;`, `&amp;`).
 *
 * @param string $value A value from the post.
 * @return string
 */
function osdi_embed_decode( $value ) {
	return html_entity_decode( (string) $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
}

/**
 * Custom fields' JSON from a shortcode's enclosed content: the paragraphs and line
 * breaks an editor adds taken away, entities decoded.
 *
 * @param string $content The shortcode's content.
 * @return string
 */
function osdi_embed_json_from_content( $content ) {
	$text = preg_replace( '#</?(p|br)\b[^>]*>#i', '', (string) $content );
	return trim( osdi_embed_decode( $text ) );
}

/**
 * Whether the custom fields' JSON is a list of objects (the widget checks each entry).
 *
 * @param string $json The decoded JSON.
 * @return bool
 */
function osdi_embed_valid_custom_fields( $json ) {
	$value = json_decode( $json, true );
	if ( ! is_array( $value ) || array_values( $value ) !== $value ) {
		return false;
	}
	foreach ( $value as $entry ) {
		if ( ! is_array( $entry ) || ( array() !== $entry && array_values( $entry ) === $entry ) ) {
			return false;
		}
	}
	return true;
}

/**
 * Whether the current user may see the notices about a widget's names (those who can edit the post).
 *
 * @return bool
 */
function osdi_embed_sees_notices() {
	$post_id = get_the_ID();
	return $post_id ? current_user_can( 'edit_post', $post_id ) : current_user_can( 'edit_posts' );
}

/**
 * A notice for editors only; nothing for anyone else.
 *
 * @param string[] $problems What is wrong, one sentence each.
 * @return string
 */
function osdi_embed_notice( $problems ) {
	if ( ! $problems || ! osdi_embed_sees_notices() ) {
		return '';
	}
	$html = '<div class="osdi-embed-notice" role="note"><strong>osdi-embed</strong> (' . esc_html__( 'shown only to editors', 'osdi-embed' ) . '):<ul>';
	foreach ( $problems as $problem ) {
		$html .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return $html . '</ul></div>';
}

/**
 * The settings page's defaults as data-osdi-* values: the language, and "styles: none"
 * when the base stylesheet is off. (The class hooks go page-wide as <meta> tags.)
 *
 * @return array<string,string>
 */
function osdi_embed_default_data() {
	$data = array();
	$lang = get_option( 'osdi_embed_lang', '' );
	if ( in_array( $lang, osdi_embed_languages(), true ) ) {
		$data['lang'] = $lang;
	}
	if ( ! osdi_embed_base_stylesheet() ) {
		$data['styles'] = 'none';
	}
	return $data;
}

/**
 * The defaults on containers the plugin did not write (pasted in a Custom HTML block),
 * where the container has no attribute of its own for them.
 *
 * @param string $html Rendered content holding data-osdi-action.
 * @return string
 */
function osdi_embed_defaults_for_pasted( $html ) {
	$defaults = osdi_embed_default_data();
	if ( ! $defaults ) {
		return $html;
	}
	// A start tag ends at its first ">": WordPress's own filters (kses, wptexturize) already
	// cut a value at a raw one, and the builder writes it as &gt;.
	return preg_replace_callback(
		'#<[a-z][a-z0-9-]*\s[^>]*\bdata-osdi-action\s*=[^>]*>#i',
		function ( $tag ) use ( $defaults ) {
			$add = '';
			foreach ( $defaults as $name => $value ) {
				if ( ! preg_match( '#\sdata-osdi-' . $name . '\s*=#i', $tag[0] ) ) {
					$add .= ' data-osdi-' . $name . '="' . esc_attr( $value ) . '"';
				}
			}
			return preg_replace( '#\s*/?>$#', $add . '>', $tag[0], 1 );
		},
		$html
	);
}

/**
 * The container for one widget: the data-osdi-* attributes and a fallback link.
 *
 * @param array  $atts    Shortcode or block attributes: data-osdi-<name> as <name>, "-" as "_".
 * @param string $content The shortcode's enclosed content (custom fields' JSON), if any.
 * @param string $wrapper Extra attributes for the element (the block's wrapper attributes).
 * @return string
 */
function osdi_embed_container( $atts, $content = '', $wrapper = '' ) {
	$map      = osdi_embed_shortcode_names();
	$names    = osdi_embed_names();
	$data     = array();
	$unknown  = array();
	$refused  = array();
	$problems = array();
	$own      = array();

	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			$unknown[] = (string) $value;
			continue;
		}
		$key = strtolower( (string) $key );
		if ( osdi_embed_is_credential( $key ) ) {
			$refused[] = $key;
			continue;
		}
		if ( in_array( $key, osdi_embed_own_names(), true ) ) {
			$own[ $key ] = is_bool( $value ) ? $value : osdi_embed_decode( (string) $value );
			continue;
		}
		$name = isset( $map[ $key ] ) ? $map[ $key ] : ( in_array( $key, $names, true ) ? $key : null );
		if ( null === $name ) {
			$unknown[] = $key;
			continue;
		}
		if ( ! is_scalar( $value ) || '' === (string) $value ) {
			continue;
		}
		$data[ $name ] = osdi_embed_decode( is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value );
	}

	$json = osdi_embed_json_from_content( $content );
	if ( '' !== $json ) {
		if ( isset( $data['custom-fields'] ) ) {
			$problems[] = __( 'custom_fields is given twice (as an attribute and as the enclosed content): the enclosed content is used.', 'osdi-embed' );
		}
		$data['custom-fields'] = $json;
	}
	if ( isset( $data['custom-fields'] ) && ! osdi_embed_valid_custom_fields( $data['custom-fields'] ) ) {
		$problems[] = __( 'The custom fields are not a JSON list of fields ([{"name": …, "label": …, "type": …}]); the widget will not show. Write brackets as &#91; and &#93; inside an attribute, or put the JSON between [osdi_action …] and [/osdi_action].', 'osdi-embed' );
	}
	if ( $unknown ) {
		/* translators: %s: attribute names */
		$problems[] = sprintf( __( 'Unknown names left out: %s. See the widget\'s reference for the names it takes (data-osdi-<name> written as <name>, with "-" as "_").', 'osdi-embed' ), implode( ', ', $unknown ) );
	}
	if ( $refused ) {
		/* translators: %s: attribute names */
		$problems[] = sprintf( __( 'Refused: %s looks like a credential. osdi-embed never takes an API key, token, secret or password: remove it. The widget does not show until you do.', 'osdi-embed' ), implode( ', ', $refused ) );
	}
	// The widget's own rule for the action URL (includes/contract.php): a public page, the
	// embed's script or a slug posts nowhere, so it stops here as the widget would stop.
	$action_problem = $refused ? null : osdi_embed_action_problem( isset( $data['action'] ) ? $data['action'] : '', isset( $data['kind'] ) ? $data['kind'] : '' );
	if ( $action_problem ) {
		/* translators: 1: the action URL, 2: what to do (in English, from the widget) */
		$problems[] = sprintf( __( 'action "%1$s" cannot be used: %2$s', 'osdi-embed' ), isset( $data['action'] ) ? $data['action'] : '', $action_problem['fix'] );
	}

	$data += osdi_embed_default_data();

	$href = isset( $own['fallback_href'] ) && '' !== $own['fallback_href'] ? $own['fallback_href'] : ( isset( $data['action'] ) ? $data['action'] : '' );
	$kind = isset( $data['kind'] ) ? $data['kind'] : osdi_embed_kind_in( isset( $data['action'] ) ? $data['action'] : '' );
	$words = array(
		'petition' => __( 'Sign the petition', 'osdi-embed' ),
		'form'     => __( 'Fill in the form', 'osdi-embed' ),
		'event'    => __( 'RSVP', 'osdi-embed' ),
	);
	$text  = isset( $own['fallback'] ) && '' !== $own['fallback'] ? $own['fallback'] : ( isset( $words[ $kind ] ) ? $words[ $kind ] : __( 'Take action', 'osdi-embed' ) );
	$url   = '' !== $href ? esc_url( $href, array( 'http', 'https' ) ) : '';
	$link  = '' !== $url ? '<a href="' . $url . '">' . esc_html( $text ) . '</a>' : '';

	$notice = osdi_embed_notice( $problems );
	if ( $refused || $action_problem ) {
		// Stopped, as the widget stops: the fallback alone, no data-osdi-* attributes.
		return $notice . ( '' !== $link ? '<div class="osdi-embed-fallback">' . $link . '</div>' : '' );
	}

	osdi_embed_enqueue();
	// The count goes before the widget, outside its container (the widget owns what is inside).
	$count = isset( $own['count'] ) && osdi_embed_wants_count( $own['count'] ) ? osdi_embed_count( $data['action'], isset( $data['kind'] ) ? $data['kind'] : '', isset( $own['goal'] ) ? $own['goal'] : '' ) : '';
	$html  = '<div' . ( '' !== $wrapper ? ' ' . $wrapper : '' );
	$html .= ' data-osdi-action="' . esc_attr( $data['action'] ) . '"';
	unset( $data['action'] );
	foreach ( $data as $name => $value ) {
		$html .= ' data-osdi-' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $notice . $count . $html . '>' . $link . '</div>';
}

/**
 * [osdi_action action="…" fields="…"]…custom fields' JSON…[/osdi_action]
 *
 * @param array|string $atts    The shortcode's attributes.
 * @param string|null  $content The enclosed content.
 * @return string
 */
function osdi_embed_shortcode( $atts, $content = null ) {
	return osdi_embed_container( is_array( $atts ) ? $atts : array(), (string) $content );
}

/**
 * The block's render callback: the same container, with the block's wrapper attributes.
 *
 * @param array $attributes The block's attributes (the shortcode's names).
 * @return string
 */
function osdi_embed_render_block( $attributes ) {
	return osdi_embed_container( $attributes, '', get_block_wrapper_attributes() );
}

/**
 * Keeps WordPress from turning the JSON's quotes into typographic ones.
 *
 * @param string[] $shortcodes Shortcodes whose content is not texturized.
 * @return string[]
 */
function osdi_embed_no_texturize( $shortcodes ) {
	$shortcodes[] = 'osdi_action';
	return $shortcodes;
}
