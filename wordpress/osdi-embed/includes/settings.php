<?php
/**
 * The settings page: the page-wide defaults, and the optional Action Network API key.
 * The widget needs no key; with one, the block editor lists the group's actions and a
 * block or shortcode can show an action's count. The key is kept on this server only:
 * an option that is not autoloaded, shown back as its last four characters alone.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

/**
 * The class hooks a new site starts with: a block theme's button class.
 *
 * @return array<string,string>
 */
function osdi_embed_default_classes() {
	return function_exists( 'wp_is_block_theme' ) && wp_is_block_theme() ? array( 'button' => 'wp-element-button' ) : array();
}

/**
 * The page-wide class hooks, part => class names.
 *
 * @return array<string,string>
 */
function osdi_embed_classes() {
	$classes = get_option( 'osdi_embed_classes', null );
	return is_array( $classes ) ? $classes : osdi_embed_default_classes();
}

/**
 * Whether the base stylesheet is used (default: yes).
 *
 * @return bool
 */
function osdi_embed_base_stylesheet() {
	return '0' !== (string) get_option( 'osdi_embed_base_stylesheet', '1' );
}

/**
 * The language setting: one of the built-in languages, or '' for the page's own.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function osdi_embed_sanitize_lang( $value ) {
	return in_array( $value, osdi_embed_languages(), true ) ? $value : '';
}

/**
 * Class hooks checked as the widget checks them: a name that starts with "." or holds
 * < > " ' { } ; = or a comma is refused.
 *
 * @param mixed $value Submitted value, part => class names.
 * @return array<string,string>
 */
function osdi_embed_sanitize_classes( $value ) {
	$clean = array();
	$saved = osdi_embed_classes();
	foreach ( osdi_embed_class_parts() as $part ) {
		$given = is_array( $value ) && isset( $value[ $part ] ) ? (string) $value[ $part ] : '';
		$names = preg_split( '/\s+/', trim( $given ), -1, PREG_SPLIT_NO_EMPTY );
		$bad   = preg_grep( '/^\.|[<>"\'{};=,]/', $names );
		if ( $bad ) {
			add_settings_error(
				'osdi_embed_classes',
				'osdi_embed_class_' . $part,
				/* translators: 1: part, 2: class name */
				sprintf( __( 'The classes for "%1$s" were not changed: "%2$s" is not a class name (write btn, not .btn, and no CSS). The other settings were saved.', 'osdi-embed' ), $part, reset( $bad ) )
			);
			// Nothing lost: the part keeps what it had.
			if ( isset( $saved[ $part ] ) && '' !== $saved[ $part ] ) {
				$clean[ $part ] = $saved[ $part ];
			}
			continue;
		}
		if ( $names ) {
			$clean[ $part ] = implode( ' ', $names );
		}
	}
	return $clean;
}

/**
 * The base-stylesheet box.
 *
 * @param mixed $value Submitted value.
 * @return string '1' or '0'
 */
function osdi_embed_sanitize_flag( $value ) {
	return $value ? '1' : '0';
}

/**
 * The API address: a valid one (includes/api.php), '' for Action Network's own; an invalid
 * one keeps what was there, with an error that does not repeat what was typed (a key
 * pasted in the wrong box stays unseen).
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function osdi_embed_sanitize_api_base( $value ) {
	$saved = get_option( 'osdi_embed_api_base', '' );
	$saved = is_string( $saved ) ? $saved : '';
	if ( null === $value ) {
		return $saved;
	}
	$value = rtrim( trim( (string) $value ), '/' );
	if ( '' === $value || OSDI_EMBED_DEFAULT_API === $value ) {
		return '';
	}
	$valid = osdi_embed_valid_api_base( $value );
	if ( null === $valid ) {
		add_settings_error(
			'osdi_embed_api_base',
			'osdi_embed_api_base',
			__( 'The API address was not changed: it must start with https:// (http:// only for localhost or 127.0.0.1, the local sandbox), without a user name, query or fragment.', 'osdi-embed' )
		);
		return $saved;
	}
	return $valid;
}

/**
 * The API key from the settings form: array( 'new' => …, 'remove' => '1' ). An empty box
 * keeps the saved key; "remove" empties it. A new key is tried on the API first: refused
 * (401 or 403), it is not saved, and the notice says so without repeating it. A string
 * (update_option from code) is taken as the key.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function osdi_embed_sanitize_api_key( $value ) {
	$saved = osdi_embed_api_key();
	if ( is_string( $value ) ) {
		return trim( $value );
	}
	if ( ! is_array( $value ) ) {
		return $saved;
	}
	if ( ! empty( $value['remove'] ) ) {
		return '';
	}
	$key = isset( $value['new'] ) ? trim( (string) $value['new'] ) : '';
	if ( '' === $key ) {
		return $saved;
	}
	if ( ! preg_match( '/^[!-~]{8,200}$/', $key ) ) {
		add_settings_error( 'osdi_embed_api_key', 'osdi_embed_api_key_form', __( 'The API key was not saved: an Action Network key is one word of letters and digits, as its "API & Sync" page shows it.', 'osdi-embed' ) );
		return $saved;
	}
	$check = osdi_embed_api_get( osdi_embed_api_base() . '/petitions?per_page=1', 10, $key );
	if ( is_wp_error( $check ) && 'osdi_embed_refused' === $check->get_error_code() ) {
		$data = $check->get_error_data();
		add_settings_error(
			'osdi_embed_api_key',
			'osdi_embed_api_key_refused',
			/* translators: %d: the HTTP status, 401 or 403 */
			sprintf( __( 'Action Network refused this API key (%d), so it was not saved. Copy the key again from your group\'s "API & Sync" page on Action Network.', 'osdi-embed' ), is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : 401 )
		);
		return $saved;
	}
	if ( is_wp_error( $check ) ) {
		add_settings_error(
			'osdi_embed_api_key',
			'osdi_embed_api_key_unchecked',
			/* translators: %s: what went wrong, one sentence */
			sprintf( __( 'The API key was saved, but it could not be checked: %s', 'osdi-embed' ), $check->get_error_message() ),
			'warning'
		);
	}
	return $key;
}

/**
 * The key's option exists before the settings form first saves it, without autoload, so
 * that it is read only where it is used (WordPress 6.1 cannot change an option's autoload).
 */
function osdi_embed_prepare_key_option() {
	if ( current_user_can( 'manage_options' ) && false === get_option( 'osdi_embed_api_key', false ) ) {
		add_option( 'osdi_embed_api_key', '', '', 'no' );
	}
}

/**
 * A new key or API address: the note that the old key was refused goes.
 */
function osdi_embed_key_changed() {
	delete_option( 'osdi_embed_key_refused' );
}

/**
 * For administrators, on every admin screen: the saved key was refused by Action Network.
 */
function osdi_embed_refused_key_notice() {
	$status = (int) get_option( 'osdi_embed_key_refused', 0 );
	if ( ! $status || ! current_user_can( 'manage_options' ) || '' === osdi_embed_api_key() ) {
		return;
	}
	printf(
		'<div class="notice notice-error osdi-embed-key-notice"><p>%s <a href="%s">%s</a></p></div>',
		/* translators: %d: the HTTP status, 401 or 403 */
		esc_html( sprintf( __( 'osdi-embed: Action Network refused the saved API key (%d). Until it is replaced, the block editor lists no actions and no count is shown.', 'osdi-embed' ), $status ) ),
		esc_url( admin_url( 'options-general.php?page=osdi-embed' ) ),
		esc_html__( 'Replace the key', 'osdi-embed' )
	);
}

/**
 * The key as the settings page shows it: its last four characters, "…abcd"; nothing of a
 * key too short to keep the rest unseen.
 *
 * @param string $key The key.
 * @return string
 */
function osdi_embed_key_hint( $key ) {
	return strlen( $key ) >= 16 ? '…' . substr( $key, -4 ) : '…';
}

/**
 * Registers the options: the API address and key (the address first, so that a new key
 * is checked against a new address saved with it), and the three page-wide defaults.
 */
function osdi_embed_register_settings() {
	register_setting(
		'osdi_embed',
		'osdi_embed_api_base',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'osdi_embed_sanitize_api_base',
			'show_in_rest'      => false,
		)
	);
	register_setting(
		'osdi_embed',
		'osdi_embed_api_key',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'osdi_embed_sanitize_api_key',
			'show_in_rest'      => false,
		)
	);
	register_setting(
		'osdi_embed',
		'osdi_embed_lang',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'osdi_embed_sanitize_lang',
			'default'           => '',
		)
	);
	register_setting(
		'osdi_embed',
		'osdi_embed_classes',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'osdi_embed_sanitize_classes',
		)
	);
	register_setting(
		'osdi_embed',
		'osdi_embed_base_stylesheet',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'osdi_embed_sanitize_flag',
			'default'           => '1',
		)
	);
}

/**
 * What each class hook's part is, for the settings page (docs/reference.md has the table).
 *
 * @return array<string,string>
 */
function osdi_embed_class_part_descriptions() {
	return array(
		'form'        => __( 'The form.', 'osdi-embed' ),
		'field'       => __( 'Each row: a field with its label, or a single checkbox.', 'osdi-embed' ),
		'label'       => __( 'The label of a text field, drop-down or text area.', 'osdi-embed' ),
		'input'       => __( 'Text fields, drop-downs and text areas.', 'osdi-embed' ),
		'check'       => __( 'Checkboxes and radio buttons.', 'osdi-embed' ),
		'button'      => __( 'The submit button.', 'osdi-embed' ),
		'status'      => __( 'The message after sending (thanks, or what went wrong).', 'osdi-embed' ),
		'error'       => __( "A field's error message.", 'osdi-embed' ),
		'hint'        => __( 'The text under the SMS consent box.', 'osdi-embed' ),
		'title'       => __( "The widget's title.", 'osdi-embed' ),
		'description' => __( "The widget's description.", 'osdi-embed' ),
	);
}

/**
 * Settings → osdi-embed.
 */
function osdi_embed_add_settings_page() {
	add_options_page( 'osdi-embed', 'osdi-embed', 'manage_options', 'osdi-embed', 'osdi_embed_settings_page' );
}

/**
 * The page itself.
 */
function osdi_embed_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$lang    = get_option( 'osdi_embed_lang', '' );
	$key     = osdi_embed_api_key();
	$classes = osdi_embed_classes();
	$about   = osdi_embed_class_part_descriptions();
	$names   = array(
		'en' => 'English',
		'es' => 'Español',
		'fr' => 'Français',
		'de' => 'Deutsch',
		'pt' => 'Português',
		'ar' => 'العربية',
	);
	?>
	<div class="wrap">
		<h1>osdi-embed</h1>
		<p><?php esc_html_e( 'Page-wide defaults for every Action Network widget on this site. A block or shortcode can set its own. The widget posts without any key.', 'osdi-embed' ); ?></p>
		<form method="post" action="options.php">
			<?php settings_fields( 'osdi_embed' ); ?>
			<h2><?php esc_html_e( 'Action Network API key (optional)', 'osdi-embed' ); ?></h2>
			<p><?php esc_html_e( "With your group's API key, the block's sidebar lists your petitions, forms and events to pick from, and a block or shortcode can show an action's count (\"1,234 signatures\"). Action Network gives keys to partner accounts, on the group's \"API & Sync\" page. The key stays on this server: WordPress sends it to Action Network's API only, and never writes it into a page.", 'osdi-embed' ); ?></p>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="osdi_embed_api_key_new"><?php esc_html_e( 'API key', 'osdi-embed' ); ?></label></th>
					<td>
						<?php if ( '' !== $key ) : ?>
							<p id="osdi_embed_api_key_saved"><?php esc_html_e( 'A key is saved:', 'osdi-embed' ); ?> <code><?php echo esc_html( osdi_embed_key_hint( $key ) ); ?></code></p>
							<p>
								<input class="regular-text code" type="password" id="osdi_embed_api_key_new" name="osdi_embed_api_key[new]" value="" autocomplete="off" spellcheck="false" aria-describedby="osdi_embed_api_key_saved osdi_embed_api_key_about">
							</p>
							<p class="description" id="osdi_embed_api_key_about"><?php esc_html_e( 'To replace it, paste the new key here. Left empty, the saved key stays.', 'osdi-embed' ); ?></p>
							<p><label><input type="checkbox" name="osdi_embed_api_key[remove]" value="1"> <?php esc_html_e( 'Remove the key', 'osdi-embed' ); ?></label></p>
						<?php else : ?>
							<input class="regular-text code" type="password" id="osdi_embed_api_key_new" name="osdi_embed_api_key[new]" value="" autocomplete="off" spellcheck="false" aria-describedby="osdi_embed_api_key_about">
							<p class="description" id="osdi_embed_api_key_about"><?php esc_html_e( 'No key is saved: the block takes an API URL typed in, and no count is shown.', 'osdi-embed' ); ?></p>
						<?php endif; ?>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="osdi_embed_api_base"><?php esc_html_e( 'API address', 'osdi-embed' ); ?></label></th>
					<td>
						<input class="regular-text code" type="url" id="osdi_embed_api_base" name="osdi_embed_api_base" value="<?php echo esc_attr( osdi_embed_api_base() ); ?>" aria-describedby="osdi_embed_api_base_about">
						<p class="description" id="osdi_embed_api_base_about"><?php esc_html_e( "Action Network's, as it is. Change it only to try the plugin with the local helper sandbox (http://127.0.0.1:4010/api/v2).", 'osdi-embed' ); ?></p>
					</td>
				</tr>
			</table>
			<h2><?php esc_html_e( 'Page-wide defaults', 'osdi-embed' ); ?></h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="osdi_embed_lang"><?php esc_html_e( 'Language', 'osdi-embed' ); ?></label></th>
					<td>
						<select id="osdi_embed_lang" name="osdi_embed_lang">
							<option value=""><?php esc_html_e( "The page's own language", 'osdi-embed' ); ?></option>
							<?php foreach ( $names as $code => $label ) : ?>
								<option value="<?php echo esc_attr( $code ); ?>" <?php selected( $lang, $code ); ?>><?php echo esc_html( $label ); ?></option>
							<?php endforeach; ?>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Base stylesheet', 'osdi-embed' ); ?></th>
					<td>
						<input type="hidden" name="osdi_embed_base_stylesheet" value="0">
						<label><input type="checkbox" name="osdi_embed_base_stylesheet" value="1" <?php checked( osdi_embed_base_stylesheet() ); ?>> <?php esc_html_e( 'Use the base stylesheet (layout only; your theme\'s rules win over it)', 'osdi-embed' ); ?></label>
					</td>
				</tr>
			</table>
			<h2><?php esc_html_e( 'Class hooks', 'osdi-embed' ); ?></h2>
			<p><?php esc_html_e( "Your theme's class names, added to the widget's parts (as in a class attribute). A block theme starts with wp-element-button on the button.", 'osdi-embed' ); ?></p>
			<table class="form-table" role="presentation">
				<?php foreach ( osdi_embed_class_parts() as $part ) : ?>
					<tr>
						<th scope="row"><label for="osdi_embed_class_<?php echo esc_attr( $part ); ?>"><?php echo esc_html( $part ); ?></label></th>
						<td>
							<input class="regular-text code" id="osdi_embed_class_<?php echo esc_attr( $part ); ?>" name="osdi_embed_classes[<?php echo esc_attr( $part ); ?>]" value="<?php echo esc_attr( isset( $classes[ $part ] ) ? $classes[ $part ] : '' ); ?>" aria-describedby="osdi_embed_class_<?php echo esc_attr( $part ); ?>_about">
							<p class="description" id="osdi_embed_class_<?php echo esc_attr( $part ); ?>_about"><?php echo esc_html( isset( $about[ $part ] ) ? $about[ $part ] : '' ); ?></p>
						</td>
					</tr>
				<?php endforeach; ?>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
