package com.cvchat.cvbuilder.data;

import tools.jackson.databind.node.ObjectNode;

/** CV data as the spec's Sarah Johnson example builds it up. */
public final class CvDataMother {

    private CvDataMother() {
    }

    public static ObjectNode nameAndTitle() {
        ObjectNode data = new CvShape().emptyData();
        ((ObjectNode) data.get("personal_info")).put("full_name", "Sarah Johnson").put("title", "Senior Data Scientist");
        return data;
    }

    public static ObjectNode personalInfo() {
        ObjectNode data = nameAndTitle();
        ((ObjectNode) data.get("personal_info")).put("email", "sarah@datatech.com").put("phone", "+1-555-9999")
                .put("location", "Boston, MA");
        return data;
    }

    public static ObjectNode complete() {
        ObjectNode data = personalInfo();
        data.put("summary", "Data scientist with 8 years of experience.");
        ObjectNode job = data.withArray("experience").addObject().put("title", "Senior Data Scientist")
                .put("company", "DataTech").put("start_date", "01/2020").put("end_date", "Present");
        job.putArray("description_bullets").add("Led a team of 5");
        data.withArray("education").addObject().put("institution", "MIT").put("degree", "MSc")
                .put("field_of_study", "Statistics").put("graduation_date", "06/2016");
        data.withObject("skills").withArray("core_competencies").add("Machine Learning");
        data.withArray("key_projects_achievements").addObject().put("name", "Churn model").put("description", "Cut churn 12%");
        return data;
    }
}
