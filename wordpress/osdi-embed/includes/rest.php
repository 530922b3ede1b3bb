<?php
/**
 * GET /wp-json/osdi-embed/v1/actions: the group's actions for the block editor's list,
 * for those who can write posts. Public fields only (the key never leaves the server).
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the route.
 */
function osdi_embed_register_rest_routes() {
	register_rest_route(
		'osdi-embed/v1',
		'/actions',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'osdi_embed_rest_actions',
			'permission_callback' => 'osdi_embed_rest_can_edit',
			'args'                => array(
				'fresh' => array(
					'description' => __( 'Read the actions anew from Action Network rather than from the few minutes\' cache.', 'osdi-embed' ),
					'type'        => 'boolean',
					'default'     => false,
				),
			),
		)
	);
}

/**
 * Who may list the actions: those who can write posts (Contributors and up).
 *
 * @return bool
 */
function osdi_embed_rest_can_edit() {
	return current_user_can( 'edit_posts' );
}

/**
 * { key: false, actions: [] } without a key; { key: true, actions: [ … ] } with one; an
 * error (502, or 429) with one sentence when Action Network refuses or cannot be reached.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function osdi_embed_rest_actions( $request ) {
	if ( '' === osdi_embed_api_key() ) {
		return rest_ensure_response(
			array(
				'key'     => false,
				'actions' => array(),
			)
		);
	}
	$actions = osdi_embed_group_actions( (bool) $request->get_param( 'fresh' ) );
	if ( is_wp_error( $actions ) ) {
		$data = $actions->get_error_data();
		$code = is_array( $data ) && isset( $data['status'] ) && 429 === $data['status'] ? 429 : 502;
		return new WP_Error( $actions->get_error_code(), $actions->get_error_message(), array( 'status' => $code ) );
	}
	return rest_ensure_response(
		array(
			'key'     => true,
			'actions' => $actions,
		)
	);
}
