package io.keyreview.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Helm chart, linted and rendered with Helm itself (helm-java), every values knob
 * asserted.
 */
class HelmChartTests {

	private static final Path CHART = Path.of("helm/keyreview");

	private static final YAMLMapper YAML = new YAMLMapper();

	@Test
	void lintsClean() {
		LintResult lint = new Helm(CHART).lint().strict().call();

		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
	}

	@Test
	void rendersOneSafeCronJobPerJobWithTheDefaults() {
		List<JsonNode> objects = render(new Helm(CHART).template().withName("keyreview"));

		assertThat(cronJobs(objects)).extracting((job) -> job.path("metadata").path("name").asString())
			.containsExactlyInAnyOrder("keyreview-nightly", "keyreview-monthly", "keyreview-quarterly");
		JsonNode nightly = cronJob(objects, "keyreview-nightly");
		JsonNode spec = nightly.path("spec");
		assertThat(spec.path("schedule").asString()).isEqualTo("30 2 * * *");
		assertThat(spec.path("timeZone").asString()).isEqualTo("Etc/UTC");
		assertThat(spec.path("concurrencyPolicy").asString()).isEqualTo("Forbid");
		assertThat(spec.path("startingDeadlineSeconds").asInt()).isEqualTo(3600);
		assertThat(spec.path("successfulJobsHistoryLimit").asInt()).isEqualTo(3);
		assertThat(spec.path("failedJobsHistoryLimit").asInt()).isEqualTo(5);
		assertThat(spec.at("/jobTemplate/spec/backoffLimit").asInt()).isEqualTo(1);
		JsonNode pod = spec.at("/jobTemplate/spec/template/spec");
		assertThat(pod.path("restartPolicy").asString()).isEqualTo("Never");
		assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(300);
		assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
		JsonNode container = pod.path("containers").get(0);
		assertThat(container.path("image").asString()).isEqualTo("keyreview:0.1.0");
		assertThat(container.path("args").toString()).isEqualTo("[\"nightly\"]");
		assertThat(container.path("envFrom").isMissingNode()).isTrue();
		assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
		assertThat(container.path("volumeMounts").toString()).contains("/data/inputs/owners.yaml",
				"/data/inputs/policies", "\"mountPath\":\"/data\"", "\"mountPath\":\"/tmp\"");
		assertThat(pod.path("volumes").toString()).contains("\"claimName\":\"keyreview-data\"",
				"\"name\":\"keyreview-directory\"", "\"name\":\"keyreview-policies\"");
		assertThat(objects)
			.extracting(
					(object) -> object.path("kind").asString() + "/" + object.path("metadata").path("name").asString())
			.contains("PersistentVolumeClaim/keyreview-data", "ConfigMap/keyreview-directory",
					"ConfigMap/keyreview-policies");
	}

	@Test
	void everyValuesKnobReachesTheCronJobs() {
		List<JsonNode> objects = render(new Helm(CHART).template()
			.withName("review")
			.set("jobs.quarterly.enabled", "false")
			.set("jobs.nightly.schedule", "0 3 * * *")
			.set("jobs.monthly.args[0]", "monthly")
			.set("jobs.monthly.args[1]", "--period=2026-11")
			.set("timeZone", "Europe/Berlin")
			.set("backoffLimit", "0")
			.set("successfulJobsHistoryLimit", "1")
			.set("failedJobsHistoryLimit", "2")
			.set("startingDeadlineSeconds", "600")
			.set("terminationGracePeriodSeconds", "900")
			.set("existingSecret", "keyreview-credentials")
			.set("env.KEYREVIEW_REVIEW_SECURITY", "appsec@example.com")
			.set("resources.limits.memory", "1Gi")
			.set("persistence.existingClaim", "shared-drop")
			.set("directory.existingConfigMap", "owners")
			.set("policies.existingConfigMap", "route-policies")
			.set("image.repository", "registry.example.com/keyreview")
			.set("image.tag", "1.2.3"));

		assertThat(cronJobs(objects)).extracting((job) -> job.path("metadata").path("name").asString())
			.containsExactlyInAnyOrder("review-keyreview-nightly", "review-keyreview-monthly");
		JsonNode nightly = cronJob(objects, "review-keyreview-nightly").path("spec");
		assertThat(nightly.path("schedule").asString()).isEqualTo("0 3 * * *");
		assertThat(nightly.path("timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(nightly.path("startingDeadlineSeconds").asInt()).isEqualTo(600);
		assertThat(nightly.path("successfulJobsHistoryLimit").asInt()).isEqualTo(1);
		assertThat(nightly.path("failedJobsHistoryLimit").asInt()).isEqualTo(2);
		assertThat(nightly.at("/jobTemplate/spec/backoffLimit").asInt()).isZero();
		JsonNode pod = nightly.at("/jobTemplate/spec/template/spec");
		assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(900);
		JsonNode container = pod.path("containers").get(0);
		assertThat(container.path("image").asString()).isEqualTo("registry.example.com/keyreview:1.2.3");
		assertThat(container.at("/envFrom/0/secretRef/name").asString()).isEqualTo("keyreview-credentials");
		assertThat(container.path("env").toString())
			.contains("{\"name\":\"KEYREVIEW_REVIEW_SECURITY\",\"value\":\"appsec@example.com\"}");
		assertThat(container.at("/resources/limits/memory").asString()).isEqualTo("1Gi");
		assertThat(pod.path("volumes").toString()).contains("\"claimName\":\"shared-drop\"", "\"name\":\"owners\"",
				"\"name\":\"route-policies\"");
		assertThat(cronJob(objects, "review-keyreview-monthly")
			.at("/spec/jobTemplate/spec/template/spec/containers/0/args")
			.toString()).isEqualTo("[\"monthly\",\"--period=2026-11\"]");
		assertThat(objects).extracting((object) -> object.path("kind").asString())
			.doesNotContain("PersistentVolumeClaim", "ConfigMap");
	}

	@Test
	void keepsCronJobNamesWithinFiftyTwoCharacters() {
		List<JsonNode> objects = render(
				new Helm(CHART).template().withName("a-release-name-that-is-as-long-as-helm-allows-123456x"));

		assertThat(cronJobs(objects)).hasSize(3)
			.allSatisfy((job) -> assertThat(job.path("metadata").path("name").asString()).hasSizeLessThanOrEqualTo(52)
				.endsWith(job.path("metadata").path("labels").path("app.kubernetes.io/component").asString()));
	}

	@Test
	void carriesInlinePoliciesAndTheDirectoryInConfigMaps() {
		List<JsonNode> objects = render(new Helm(CHART).template()
			.withName("keyreview")
			.set("directory.ownersYaml", "groups:\n  team_a: {mailbox: team-a@example.com}\n")
			.set("policies.files.alpha-prod\\.yaml", "key_id: alpha-prod\n"));

		JsonNode directory = object(objects, "ConfigMap", "keyreview-directory");
		assertThat(directory.at("/data/owners.yaml").asString()).contains("team_a: {mailbox: team-a@example.com}");
		assertThat(object(objects, "ConfigMap", "keyreview-policies").at("/data/alpha-prod.yaml").asString())
			.isEqualTo("key_id: alpha-prod\n");
	}

	private static List<JsonNode> render(TemplateCommand template) {
		List<JsonNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readValues(YAML.createParser(template.call()),
				JsonNode.class)) {
			documents.forEachRemaining((document) -> {
				if (document != null && !document.isNull() && !document.isMissingNode() && document.has("kind")) {
					objects.add(document);
				}
			});
		}
		return objects;
	}

	private static List<JsonNode> cronJobs(List<JsonNode> objects) {
		return objects.stream().filter((object) -> "CronJob".equals(object.path("kind").asString())).toList();
	}

	private static JsonNode cronJob(List<JsonNode> objects, String name) {
		return object(objects, "CronJob", name);
	}

	private static JsonNode object(List<JsonNode> objects, String kind, String name) {
		return objects.stream()
			.filter((object) -> kind.equals(object.path("kind").asString())
					&& name.equals(object.path("metadata").path("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + objects));
	}

}
