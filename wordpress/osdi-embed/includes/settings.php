<?php
/**
 * The settings page: the page-wide defaults. No setting takes a key: the widget needs none.
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
 * Registers the three options.
 */
function osdi_embed_register_settings() {
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
		<p><?php esc_html_e( 'Page-wide defaults for every Action Network widget on this site. A block or shortcode can set its own. The widget posts without any key, so there is none to enter.', 'osdi-embed' ); ?></p>
		<form method="post" action="options.php">
			<?php settings_fields( 'osdi_embed' ); ?>
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
