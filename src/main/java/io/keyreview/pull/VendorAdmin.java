package io.keyreview.pull;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admin API of one source, for carrying out approved decisions: the request each
 * decision sends (LiteLLM {@code /key/block}, {@code /key/delete}, {@code /key/update};
 * OpenAI's project or admin key {@code DELETE}; Anthropic's key update to
 * {@code inactive} or {@code archived}; OpenRouter's {@code PATCH} and {@code DELETE} of
 * {@code /keys/{hash}}), and the readback that proves it done. Requests go through the
 * pull's client (timeouts, {@code Retry-After}, backoff); the credential is read only
 * when a request is sent.
 */
public final class VendorAdmin {

	static final Set<SourceType> TYPES = Set.of(SourceType.OPENAI, SourceType.ANTHROPIC, SourceType.LITELLM,
			SourceType.OPENROUTER);

	private final SourceSettings source;

	private final Function<String, @Nullable String> environment;

	private final PulledPages pulled;

	private @Nullable PageClient client;

	private @Nullable Map<String, String> pulledProjects;

	VendorAdmin(SourceSettings source, Function<String, @Nullable String> environment, PulledPages pulled) {
		this.source = source;
		this.environment = environment;
		this.pulled = pulled;
	}

	public String source() {
		return this.source.name();
	}

	public String vendor() {
		return switch (this.source.type()) {
			case OPENAI -> "OpenAI";
			case ANTHROPIC -> "Anthropic";
			case LITELLM -> "LiteLLM";
			default -> "OpenRouter";
		};
	}

	/** What the decision is carried out as: OpenAI has no disable, only delete. */
	public String carriedOutAs(String decision) {
		return (this.source.type() == SourceType.OPENAI && decision.equals("disable")) ? "delete" : decision;
	}

	/** Whether the source's {@code remediate} list allows the decision. */
	public boolean allows(String decision) {
		return this.source.remediate().contains(decision);
	}

	/**
	 * Why the decision cannot be sent as it stands, or null: narrow exists only in
	 * LiteLLM, and OpenAI has no disable (a key is deleted instead where the source
	 * allows delete).
	 */
	public @Nullable String refusal(String decision, List<String> models) {
		if (decision.equals("narrow") && this.source.type() != SourceType.LITELLM) {
			return vendor() + "'s API cannot narrow a key: narrow it by hand";
		}
		if (decision.equals("narrow") && models.isEmpty()) {
			return "the key's policy allows no model group to narrow it to";
		}
		if (decision.equals("disable") && this.source.type() == SourceType.OPENAI && !allows("delete")) {
			return "OpenAI has no disable: add delete to remediate of source " + source()
					+ " to delete the key instead, or disable it by hand";
		}
		return null;
	}

	/**
	 * The request that carries out the decision on the key; for OpenAI, {@code project}
	 * is the project the night pulled the key from ({@code organization} for an admin
	 * key).
	 */
	public AdminRequest request(String decision, String keyId, @Nullable String project, List<String> models) {
		if (decision.equals("narrow") && this.source.type() != SourceType.LITELLM) {
			return AdminRequest.NONE;
		}
		String base = SourcePlan.baseOf(this.source);
		JsonNodeFactory json = JsonNodeFactory.instance;
		return switch (this.source.type()) {
			case LITELLM -> switch (decision) {
				case "disable" -> post(base, "/key/block", json.objectNode().put("key", keyId));
				case "delete" -> {
					ObjectNode body = json.objectNode();
					body.putArray("keys").add(keyId);
					yield post(base, "/key/delete", body);
				}
				default -> {
					ObjectNode body = json.objectNode().put("key", keyId);
					models.forEach(body.putArray("models")::add);
					yield post(base, "/key/update", body);
				}
			};
			case OPENAI -> new AdminRequest("DELETE", openAiKey(base, keyId, project), null);
			case ANTHROPIC -> new AdminRequest("POST", at(base, "/v1/organizations/api_keys", keyId),
					json.objectNode().put("status", decision.equals("delete") ? "archived" : "inactive").toString());
			default -> decision.equals("delete") ? new AdminRequest("DELETE", at(base, "/keys", keyId), null)
					: new AdminRequest("PATCH", at(base, "/keys", keyId),
							json.objectNode().put("disabled", true).toString());
		};
	}

	/** The GET that reads the key back. */
	public AdminRequest readbackRequest(String keyId, @Nullable String project) {
		String base = SourcePlan.baseOf(this.source);
		return new AdminRequest("GET", switch (this.source.type()) {
			case LITELLM -> UriComponentsBuilder.fromUriString(base)
				.path("/key/info")
				.queryParam("key", keyId)
				.encode()
				.build()
				.toUri();
			case OPENAI -> openAiKey(base, keyId, project);
			case ANTHROPIC -> at(base, "/v1/organizations/api_keys", keyId);
			default -> at(base, "/keys", keyId);
		}, null);
	}

	/**
	 * Reads the key back and says whether it is in the state the decision asks for: gone
	 * (404) for every decision but narrow; blocked, {@code inactive} or disabled for
	 * disable; {@code archived} for an Anthropic delete; exactly the policy's models for
	 * narrow.
	 */
	public Readback readback(String decision, String keyId, @Nullable String project, List<String> models) {
		PageClient.Reply reply = client().send(readbackRequest(keyId, project), "keyreview-readback");
		if (reply.status() == 404) {
			return new Readback(!decision.equals("narrow"), "HTTP 404: the key is gone");
		}
		if (reply.status() / 100 != 2) {
			return new Readback(false, "HTTP " + reply.status() + ": the key could not be read back");
		}
		JsonNode body;
		try {
			body = SourcePull.JSON.readTree(reply.body());
		}
		catch (JacksonException ex) {
			return new Readback(false, "HTTP " + reply.status() + ": the readback is not JSON");
		}
		return switch (this.source.type()) {
			case LITELLM -> {
				JsonNode info = body.path("info");
				boolean blocked = info.path("blocked").asBoolean(false);
				Set<String> granted = new HashSet<>();
				info.path("models").forEach((model) -> granted.add(model.asString()));
				yield switch (decision) {
					case "disable" -> new Readback(blocked, "HTTP 200: blocked " + blocked);
					case "narrow" -> new Readback(!granted.isEmpty() && granted.equals(new HashSet<>(models)),
							"HTTP 200: models " + String.join(";", granted.stream().sorted().toList()));
					default -> new Readback(false, "HTTP 200: the key still exists");
				};
			}
			case ANTHROPIC -> {
				String status = body.path("status").asString("");
				yield new Readback(status.equals(decision.equals("delete") ? "archived" : "inactive"),
						"HTTP 200: status " + status);
			}
			case OPENROUTER -> {
				boolean disabled = body.path("data").path("disabled").asBoolean(false);
				yield new Readback(decision.equals("disable") && disabled, "HTTP 200: disabled " + disabled);
			}
			default -> new Readback(false, "HTTP 200: the key still exists");
		};
	}

	/** Sends the request and returns the HTTP status it was answered with. */
	public int send(AdminRequest request, String idempotencyKey) {
		return client().send(request, idempotencyKey).status();
	}

	/**
	 * The project an OpenAI key was pulled from tonight ({@code api_keys-<project>}),
	 * else {@code organization} for an admin key, else the register's project.
	 */
	public @Nullable String projectOf(String keyId, @Nullable String registerProject) {
		if (this.source.type() != SourceType.OPENAI) {
			return registerProject;
		}
		return pulledProjects().getOrDefault(keyId, registerProject);
	}

	/** Each key id pulled tonight and its project, read from the pages once. */
	private Map<String, String> pulledProjects() {
		if (this.pulledProjects == null) {
			Map<String, String> projects = new HashMap<>();
			for (String endpoint : this.pulled.endpointsStartingWith("api_keys-")) {
				for (JsonNode page : this.pulled.of(endpoint)) {
					for (JsonNode key : VendorJson.items(page, "data")) {
						projects.putIfAbsent(VendorJson.text(key.path("id")), endpoint.substring("api_keys-".length()));
					}
				}
			}
			this.pulledProjects = projects;
		}
		return this.pulledProjects;
	}

	private PageClient client() {
		if (this.client == null) {
			this.client = new PageClient(this.source, Credential.of(this.source, this.environment));
		}
		return this.client;
	}

	private static URI openAiKey(String base, String keyId, @Nullable String project) {
		return "organization".equals(project) ? at(base, "/organization/admin_api_keys", keyId)
				: UriComponentsBuilder.fromUriString(base)
					.path("/organization/projects")
					.pathSegment(String.valueOf(project), "api_keys", keyId)
					.encode()
					.build()
					.toUri();
	}

	private static URI at(String base, String path, String id) {
		return UriComponentsBuilder.fromUriString(base).path(path).pathSegment(id).encode().build().toUri();
	}

	private static AdminRequest post(String base, String path, JsonNode body) {
		return new AdminRequest("POST", URI.create(base + path), body.toString());
	}

}
