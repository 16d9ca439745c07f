package com.cvchat.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation messages name each field as the client sent it, whatever the Java name (the real validator runs). */
class ApiErrorAdviceTest {

    record Register(@NotBlank(message = "is required") String fullName,
                    @JsonProperty("e_mail") @NotBlank(message = "is required") String email,
                    @Valid List<Job> jobs, @Valid Camel camel) {
    }

    record Job(@NotBlank(message = "is required") String startDate) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record Camel(@NotBlank(message = "is required") String endDate) {
    }

    @SuppressWarnings("unused")
    void handler(Register body) {
    }

    @Test
    void shouldNameTheFieldsAsTheClientSentThem() throws Exception {
        ApiErrorAdvice advice = new ApiErrorAdvice(new StaticListableBeanFactory(Map.of("jsonMapper",
                JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()))
                .getBeanProvider(JsonMapper.class));

        ResponseEntity<ApiError> answer = advice.invalid(invalid(
                new Register(" ", "", List.of(new Job("2020-01"), new Job("")), new Camel(null))));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().error()).isEqualTo(
                "camel.end-date: is required; e_mail: is required; full_name: is required; jobs[1].start_date: is required");
    }

    @Test
    void shouldKeepJavaNamesWhenTheMapperHasNoNamingStrategy() throws Exception {
        ApiErrorAdvice advice = new ApiErrorAdvice(new StaticListableBeanFactory().getBeanProvider(JsonMapper.class));
        assertThat(advice.invalid(invalid(new Register("", "x", List.of(), new Camel("x")))).getBody().error())
                .isEqualTo("fullName: is required");
    }

    private MethodArgumentNotValidException invalid(Register body) throws Exception {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "register");
        new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()).validate(body, errors);
        return new MethodArgumentNotValidException(
                new MethodParameter(getClass().getDeclaredMethod("handler", Register.class), 0), errors);
    }
}
