<?php
/**
 * Plugin Name:       osdi-embed
 * Plugin URI:        https://github.com/osdi-embed/osdi-embed
 * Description:       Action Network petitions, forms and event RSVPs as a block and a shortcode, styled by your theme. With your group's API key (optional, kept on the server): your actions to pick from, and live counts.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            the osdi-embed authors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       osdi-embed
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

define( 'OSDI_EMBED_VERSION', '0.1.0' );
define( 'OSDI_EMBED_FILE', __FILE__ );

require_once __DIR__ . '/includes/names.php';
require_once __DIR__ . '/includes/container.php';
require_once __DIR__ . '/includes/loading.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/api.php';
require_once __DIR__ . '/includes/count.php';
require_once __DIR__ . '/includes/rest.php';

/**
 * The script, the stylesheet, the shortcode and the block.
 */
function osdi_embed_init() {
	osdi_embed_register_assets();
	osdi_embed_register_count_script();
	add_shortcode( 'osdi_action', 'osdi_embed_shortcode' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'osdi_embed_render_block' ) );
	osdi_embed_register_settings();
}
add_action( 'init', 'osdi_embed_init' );

add_filter( 'no_texturize_shortcodes', 'osdi_embed_no_texturize' );
add_action( 'wp_enqueue_scripts', 'osdi_embed_enqueue_for_page', 1 );
add_filter( 'the_content', 'osdi_embed_scan_rendered', 100 );
add_filter( 'widget_text_content', 'osdi_embed_scan_rendered', 100 );
add_filter( 'widget_block_content', 'osdi_embed_scan_rendered', 100 );
add_action( 'wp_head', 'osdi_embed_print_meta', 2 );
add_action( 'wp_footer', 'osdi_embed_print_meta', 5 );
add_action( 'admin_menu', 'osdi_embed_add_settings_page' );
add_action( 'admin_init', 'osdi_embed_prepare_key_option' );
add_action( 'admin_notices', 'osdi_embed_refused_key_notice' );
add_action( 'update_option_osdi_embed_api_key', 'osdi_embed_key_changed' );
add_action( 'update_option_osdi_embed_api_base', 'osdi_embed_key_changed' );
add_action( 'rest_api_init', 'osdi_embed_register_rest_routes' );

/**
 * A "Settings" link beside "Deactivate".
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function osdi_embed_action_links( $links ) {
	array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=osdi-embed' ) ) . '">' . esc_html__( 'Settings', 'osdi-embed' ) . '</a>' );
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'osdi_embed_action_links' );
