<?php
/**
 * Loading the widget's files, from the plugin's own folder, only on pages that hold a widget.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

/**
 * The URL of the folder that holds osdi-embed.js and the files beside it.
 *
 * @return string
 */
function osdi_embed_base_url() {
	return plugins_url( 'assets/', OSDI_EMBED_FILE );
}

/**
 * Registers the script and the base stylesheet. WordPress 6.3+ reads the array as the
 * `defer` strategy in the footer; 6.1 and 6.2 take it as "in the footer" (a non-empty
 * array is true there), so one call serves both.
 */
function osdi_embed_register_assets() {
	$args = array(
		'strategy'  => 'defer',
		'in_footer' => true,
	);
	wp_register_script( 'osdi-embed', osdi_embed_base_url() . 'osdi-embed.js', array(), OSDI_EMBED_VERSION, $args );
	wp_register_style( 'osdi-embed', osdi_embed_base_url() . 'osdi-embed.css', array(), OSDI_EMBED_VERSION );
	// The block editor's copy of the widget's contract and parser (generated; block/contract.js).
	wp_register_script( 'osdi-embed-contract', plugins_url( 'block/contract.js', OSDI_EMBED_FILE ), array(), OSDI_EMBED_VERSION, false );
}

/**
 * Whether a post's content holds a widget: the block, the shortcode or a container of its own.
 *
 * @param string $content Post content.
 * @return bool
 */
function osdi_embed_content_has_widget( $content ) {
	$content = (string) $content;
	return has_block( 'osdi-embed/action', $content )
		|| has_shortcode( $content, 'osdi_action' )
		|| false !== strpos( $content, 'data-osdi-action' );
}

/**
 * The script (and, when the setting is on, the base stylesheet) for this page.
 */
function osdi_embed_enqueue() {
	wp_enqueue_script( 'osdi-embed' );
	if ( osdi_embed_base_stylesheet() ) {
		wp_enqueue_style( 'osdi-embed' );
	}
}

/**
 * Before <head> is printed: the page's posts are looked at, so the stylesheet is linked in <head>.
 */
function osdi_embed_enqueue_for_page() {
	global $wp_query;
	if ( ! $wp_query || empty( $wp_query->posts ) ) {
		return;
	}
	foreach ( $wp_query->posts as $post ) {
		if ( $post instanceof WP_Post && osdi_embed_content_has_widget( $post->post_content ) ) {
			osdi_embed_enqueue();
			return;
		}
	}
}

/**
 * Rendered content (a post, a widget area): a container found there loads the script
 * (also when found only after <head>), and one pasted by hand takes the settings' defaults.
 *
 * @param string $content Rendered content.
 * @return string
 */
function osdi_embed_scan_rendered( $content ) {
	if ( is_string( $content ) && false !== strpos( $content, 'data-osdi-action' ) ) {
		osdi_embed_enqueue();
		$content = osdi_embed_defaults_for_pasted( $content );
	}
	return $content;
}

/**
 * The page-wide <meta> tags: the files' folder (so joined scripts still find them) and the class hooks.
 * Printed in <head>, or before the footer's scripts when a widget was found only later.
 */
function osdi_embed_print_meta() {
	static $printed = false;
	if ( $printed || ! wp_script_is( 'osdi-embed', 'enqueued' ) ) {
		return;
	}
	$printed = true;
	echo '<meta name="osdi-embed-base" content="' . esc_url( osdi_embed_base_url() ) . '">' . "\n";
	foreach ( osdi_embed_classes() as $part => $classes ) {
		if ( '' !== $classes && in_array( $part, osdi_embed_class_parts(), true ) ) {
			echo '<meta name="osdi-embed-class-' . esc_attr( $part ) . '" content="' . esc_attr( $classes ) . '">' . "\n";
		}
	}
}
