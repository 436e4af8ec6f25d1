package io.keyreview.pull;

import java.time.LocalDate;

/**
 * Maps the landed pages of one kind of source to the canonical keys, usage and people.
 */
interface VendorMapper {

	Canonical map(String source, PulledPages pages, LocalDate runDate);

	static VendorMapper of(SourceType type) {
		return switch (type) {
			case OPENAI -> new OpenAiMapper();
			case ANTHROPIC -> new AnthropicMapper();
			case LITELLM -> new LiteLlmMapper();
			case OPENROUTER -> new OpenRouterMapper();
			case OKTA -> new OktaMapper();
			case SCIM -> new ScimMapper();
		};
	}

	/**
	 * Usage no key can be tied to (the vendor reported no key id) goes under this key id.
	 */
	static String noKey(String source) {
		return source + ":no-key";
	}

}
