package org.duban.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.NotFound;
import org.duban.access.Accounts;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Reporting values by API: all of a request is stored, or none of it. */
@RestController
@RequestMapping("/api/observations")
class ObservationController {

    /** One element of the request body; {@code value} is a number or a status / water-class text. */
    record Submitted(String indicator, String date, Object value, Object reference, String note) {
    }

    private final ObservationIntake intake;
    private final ObservationFiles files;
    private final Observations observations;
    private final PlanCatalog catalog;
    private final Accounts accounts;

    ObservationController(ObservationIntake intake, ObservationFiles files, Observations observations, PlanCatalog catalog, Accounts accounts) {
        this.intake = intake;
        this.files = files;
        this.observations = observations;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ObservationIntake.Receipt submit(@RequestBody List<Submitted> body, @RequestParam Optional<String> plan, Authentication user) {
        List<ObservationInput> inputs = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Submitted s = body.get(i) == null ? new Submitted(null, null, null, null, null) : body.get(i);
            inputs.add(ObservationInput.of(s.indicator(), s.date(), s.value(), s.reference(), s.note(), "第 " + (i + 1) + " 条"));
        }
        return intake.submit(plan, inputs, Submitter.of(accounts.of(user)), Channel.API, "api");
    }

    /** A CSV or XLSX file (multipart field {@code file}): every row is stored, or none. */
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    ObservationIntake.Receipt upload(@RequestParam("file") MultipartFile file, @RequestParam Optional<String> plan, Authentication user)
{
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv" : file.getOriginalFilename();
        return files.importFile(plan, name, file.getSize(), file::getInputStream, Submitter.of(accounts.of(user)), Channel.UPLOAD);
    }

    /** Every revision of one indicator's values; a department sees only what it reports. */
    @GetMapping
    List<Observation> history(@RequestParam String indicator, @RequestParam Optional<String> plan, Authentication user) {
        Accounts.Account me = accounts.of(user);
        String code = planOf(indicator, plan, me);
        if (me.departmentCode().isPresent()) {
            boolean reports = PlanCatalog.reporters(catalog.tasks(code), indicator).stream().anyMatch(me::sees);
            if (!reports) {
                throw new NotFound("本部门没有指标 " + indicator);
            }
        }
        return observations.history(code, indicator);
    }

    /** The plan an indicator code means: the named one, or the only plan the account sees that has the code. */
    private String planOf(String indicator, Optional<String> plan, Accounts.Account me) {
        if (plan.isPresent()) {
            Plan named = catalog.plan(plan).filter(p -> me.seesRegion(p.regionCode())).orElseThrow(() -> new NotFound(PlanCatalog.missing(plan)));
            return named.code();
        }
        List<String> having = intake.plansWith(indicator, catalog.plans().stream().filter(p -> me.seesRegion(p.regionCode())).toList())
                .stream().map(Plan::code).toList();
        if (having.size() > 1) {
            throw new IllegalArgumentException("指标 " + indicator + " 同属计划 " + String.join("、", having) + "，请用 plan= 指明");
        }
        return having.stream().findFirst().orElseThrow(() -> new NotFound("没有指标 " + indicator));
    }
}
